# Copies a player script without its whole-line // comments, for readable builds
# (-DCOURSEPACK_MINIFY=OFF: templates/CMakeLists.txt; the default minifies with esbuild).
# The comments explain the code to its readers and would cost every learner's download
# (about a third of the scripts' gzip size). Only whole lines go: a "//" after code may
# be inside a string ("http://").
# The player's scripts have no multi-line strings or template literals, so a line that
# starts with // is always a comment.
# Usage: cmake -DINPUT=in.js -DOUTPUT=out.js -P strip_comments.cmake
file(READ "${INPUT}" text)
string(REGEX REPLACE "^[ \t]*//[^\n]*\n" "" text "${text}")
string(REGEX REPLACE "\n[ \t]*//[^\n]*" "" text "${text}")
file(WRITE "${OUTPUT}.tmp" "${text}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
