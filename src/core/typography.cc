#include "coursepack/core/typography.h"

#include <algorithm>

#include "coursepack/core/utf8.h"

namespace coursepack {
namespace {

constexpr char32_t kNoBreakSpace = U'\u00A0';        // espace insécable
constexpr char32_t kNarrowNoBreakSpace = U'\u202F';  // espace fine insécable

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == kNoBreakSpace || c == kNarrowNoBreakSpace ||
         (c >= U'\u2000' && c <= U'\u200A');
}
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Where a quote opens: at the start of a block, after a space, or after an opening bracket,
// quote or dash. Anywhere else (after a letter, a digit, a closing punctuation) it closes.
bool opens_after(char32_t before) {
  return before == 0 || is_space(before) ||
         std::u32string_view(U"([{\u201C\u2018\u00AB\u2014\u2013-/").find(before) != std::u32string_view::npos;
}

char32_t before(const std::u32string& text, std::size_t i, char32_t context) {
  return i == 0 ? context : text[i - 1];
}

// --- Rules shared by several languages -------------------------------------------------------

// English: “ ” (Chicago Manual of Style, 17th ed., 6.9 and 6.115: "smart" quotation marks).
void english_double_quotes(std::u32string& text, char32_t context) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == U'"') text[i] = opens_after(before(text, i, context)) ? U'\u201C' : U'\u201D';
}

// English: ’ for the apostrophe and a closing single quote, ‘ for an opening one
// (Chicago 6.115, 7.26). "'90s" comes out ‘90s: write ’90s in the source for that case.
void english_single_quotes(std::u32string& text, char32_t context) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != U'\'') continue;
    const bool followed = i + 1 < text.size() && !is_space(text[i + 1]);
    text[i] = opens_after(before(text, i, context)) && followed ? U'\u2018' : U'\u2019';
  }
}

// Double quotes as the language pairs them: "word" and English “word” -> Open word Close.
// A “ in closing position is left alone: it is already the German closing mark („Wort“).
// Sources: Duden (de, „ “), Pravidla českého pravopisu (cs), Pravidlá slovenského pravopisu
// (sk), Wielki słownik ortograficzny PWN (pl, „ ”), Fundéu/RAE Ortografía 2010 (es, « »),
// Språkrådet, Svenska skrivregler (sv, ” ”); the full table is in docs/typography.md.
template <char32_t Open, char32_t Close>
void paired_quotes(std::u32string& text, char32_t context) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool opens = opens_after(before(text, i, context));
    if (text[i] == U'"') text[i] = opens ? Open : Close;
    else if (text[i] == U'\u201C' && opens) text[i] = Open;
    else if (text[i] == U'\u201D') text[i] = Close;
  }
}

// l'été, dell'anno, b'kwiż -> l’été, dell’anno, b’kwiż: languages that quote with
// something else, so that every straight single quote is an apostrophe.
void curly_apostrophe(std::u32string& text, char32_t) { std::replace(text.begin(), text.end(), U'\'', U'\u2019'); }

// --- French -------------------------------------------------------------------------------
// Source: Lexique des règles typographiques en usage à l'Imprimerie nationale (2002),
// "Espaces" and "Guillemets"; Unicode 15, 6.2, recommends U+202F for the French fine space.

// "mot" and “mot” -> « mot »: French quotes with guillemets (Imprimerie nationale, "Guillemets").
void french_quotes(std::u32string& text, char32_t context) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U'\u201C') text[i] = U'\u00AB';
    else if (text[i] == U'\u201D') text[i] = U'\u00BB';
    else if (text[i] == U'"') text[i] = opens_after(before(text, i, context)) ? U'\u00AB' : U'\u00BB';
  }
}

// « mot » -> «\u202Fmot\u202F»: a fine no-break space inside guillemets, added when missing.
// Also at the edge of a text: in a lesson, « [a link](...) » is three text nodes.
void french_guillemet_spaces(std::u32string& text, char32_t) {
  std::u32string out;
  out.reserve(text.size() + 4);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c == U'\u00BB') {
      while (!out.empty() && is_space(out.back())) out.pop_back();
      out += kNarrowNoBreakSpace;
      out += c;
    } else if (c == U'\u00AB') {
      out += c;
      while (i + 1 < text.size() && is_space(text[i + 1])) ++i;
      out += kNarrowNoBreakSpace;
    } else {
      out += c;
    }
  }
  text = std::move(out);
}

// Replaces the space written before each of `marks` with `space`. A missing space is not
// added: "10:30", "page?id=3" or "http://" must stay as they are.
void space_before(std::u32string& text, std::u32string_view marks, char32_t space) {
  for (std::size_t i = 1; i < text.size(); ++i)
    if (marks.find(text[i]) != std::u32string_view::npos && is_space(text[i - 1]) && text[i - 1] != U'\n')
      text[i - 1] = space;
}

// « ; ! ? » take a fine no-break space before them (Imprimerie nationale, "Espaces").
void french_high_punctuation(std::u32string& text, char32_t) { space_before(text, U";!?", kNarrowNoBreakSpace); }
// « : » takes a full no-break space before it.
void french_colon(std::u32string& text, char32_t) { space_before(text, U":", kNoBreakSpace); }
// "50 %" keeps its sign on the line of its number (no-break space before %); also German,
// Czech, Slovak and the other languages that space the sign.
void percent_no_break(std::u32string& text, char32_t) { space_before(text, U"%", kNoBreakSpace); }

// "10 000" -> "10\u00A0000": groups of three digits after a group of one to three, not
// preceded by a digit ("en 2024 500 personnes" is two numbers and stays as written).
void french_thousands(std::u32string& text, char32_t context) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i]) || is_digit(before(text, i, context))) { ++i; continue; }
    std::size_t end = i;
    while (end < text.size() && is_digit(text[end])) ++end;
    if (end - i > 3) { i = end; continue; }
    // Each " ddd" not followed by another digit joins the number.
    while (end + 3 < text.size() && (text[end] == U' ' || text[end] == kNoBreakSpace) &&
           is_digit(text[end + 1]) && is_digit(text[end + 2]) && is_digit(text[end + 3]) &&
           (end + 4 == text.size() || !is_digit(text[end + 4]))) {
      text[end] = kNoBreakSpace;
      end += 4;
    }
    i = end;
  }
}

// The tables: one per language, rules in the order they run (quotes before the spaces
// inside them). To add a language, add its table and a row in docs/course-format.md.
constexpr TypographyRule kEnglish[] = {
    {"double-quotes", "\"word\" -> \u201Cword\u201D", english_double_quotes},
    {"single-quotes", "it's, 'word' -> it\u2019s, \u2018word\u2019", english_single_quotes},
};

constexpr TypographyRule kFrench[] = {
    {"apostrophe", "l'été -> l\u2019été", curly_apostrophe},
    {"guillemets", "\"mot\", \u201Cmot\u201D -> « mot »", french_quotes},
    {"guillemet-spaces", "« mot » -> «\u202Fmot\u202F»", french_guillemet_spaces},
    {"space-before-high-punctuation", "a ; b ! c ? -> a\u202F; b\u202F! c\u202F?", french_high_punctuation},
    {"space-before-colon", "a : b -> a\u00A0: b", french_colon},
    {"space-before-percent", "50 % -> 50\u00A0%", percent_no_break},
    {"thousands", "10 000 -> 10\u00A0000", french_thousands},
};

// The other official EU languages: their quotation marks, the apostrophe where the language
// has many, and the no-break space before % (only where the source spaces it: "50%" stays).
// Sources per language in docs/typography.md.
constexpr TypographyRule kLowHighQuotes = {"quotes", "\"Wort\" -> \u201EWort\u201C", paired_quotes<U'\u201E', U'\u201C'>};
constexpr TypographyRule kLowRightQuotes = {"quotes", "\"słowo\" -> \u201Esłowo\u201D", paired_quotes<U'\u201E', U'\u201D'>};
constexpr TypographyRule kGuillemets = {"quotes", "\"palabra\" -> \u00ABpalabra\u00BB", paired_quotes<U'\u00AB', U'\u00BB'>};
constexpr TypographyRule kRightQuotes = {"quotes", "\"ord\" -> \u201Dord\u201D", paired_quotes<U'\u201D', U'\u201D'>};
constexpr TypographyRule kDanishQuotes = {"quotes", "\"ord\" -> \u00BBord\u00AB", paired_quotes<U'\u00BB', U'\u00AB'>};
constexpr TypographyRule kApostrophe = {"apostrophe", "dell'anno -> dell\u2019anno", curly_apostrophe};
constexpr TypographyRule kPercent = {"space-before-percent", "50 % -> 50\u00A0%", percent_no_break};

constexpr TypographyRule kGerman[] = {kLowHighQuotes, kApostrophe, kPercent};
constexpr TypographyRule kLowHigh[] = {kLowHighQuotes, kPercent};  // cs sk bg et lt hr sl
constexpr TypographyRule kLowRight[] = {kLowRightQuotes, kPercent};  // pl hu ro lv
constexpr TypographyRule kGuillemetsPercent[] = {kGuillemets, kPercent};  // es pt el
constexpr TypographyRule kItalian[] = {kGuillemets, kApostrophe, kPercent};
constexpr TypographyRule kNordic[] = {kRightQuotes, kPercent};  // sv fi
constexpr TypographyRule kDanish[] = {kDanishQuotes, kPercent};
constexpr TypographyRule kEnglishApostrophe[] = {kEnglish[0], kApostrophe};  // mt ga

struct LanguageTable {
  std::string_view primary_subtag;
  std::span<const TypographyRule> rules;
};
constexpr LanguageTable kTables[] = {
    {"en", kEnglish},    {"fr", kFrench},    {"de", kGerman},     {"cs", kLowHigh},           {"sk", kLowHigh},
    {"bg", kLowHigh},    {"et", kLowHigh},   {"lt", kLowHigh},    {"hr", kLowHigh},           {"sl", kLowHigh},
    {"pl", kLowRight},   {"hu", kLowRight},  {"ro", kLowRight},   {"lv", kLowRight},          {"es", kGuillemetsPercent},
    {"pt", kGuillemetsPercent},              {"el", kGuillemetsPercent},                      {"it", kItalian},
    {"sv", kNordic},     {"fi", kNordic},    {"da", kDanish},     {"nl", kEnglish},           {"mt", kEnglishApostrophe},
    {"ga", kEnglishApostrophe},
};

std::u32string decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? byte : length == 2 ? byte & 0x1F : length == 3 ? byte & 0x0F : byte & 0x07;
    for (int k = 1; k < length; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out += c;
    i += length;
  }
  return out;
}

std::string encode(const std::u32string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

void typeset_map(LanguageMap& map) {
  for (auto& [language, text] : map) text = typeset(text, language);
}

}  // namespace

std::span<const TypographyRule> typography_rules(std::string_view language) {
  const std::string_view primary = language.substr(0, language.find('-'));
  for (const auto& table : kTables)
    if (table.primary_subtag == primary) return table.rules;
  return {};
}

std::string typeset(std::string_view text, std::string_view language, char32_t context) {
  const auto rules = typography_rules(language);
  if (rules.empty() || find_invalid_utf8(text)) return std::string(text);
  std::u32string points = decode(text);
  for (const auto& rule : rules) rule.apply(points, context);
  return encode(points);
}

char32_t last_code_point(std::string_view text) {
  if (text.empty() || find_invalid_utf8(text)) return 0;
  std::size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return decode(text.substr(start)).back();
}

Course typeset_course(const Course& source) {
  Course course = source;
  for (LanguageMap* map : {&course.title, &course.description, &course.audience}) typeset_map(*map);
  for (auto& outcome : course.outcomes) typeset_map(outcome.text);
  for (auto& session : course.live_sessions) {
    typeset_map(session.title);
    typeset_map(session.description);
    typeset_map(session.preparation);
    for (auto& part : session.agenda) {
      typeset_map(part.title);
      typeset_map(part.description);
    }
    for (auto& activity : session.activities) {
      typeset_map(activity.title);
      typeset_map(activity.instructions);
      for (auto& text : activity.roles) typeset_map(text);
      for (auto& text : activity.debrief) typeset_map(text);
    }
    for (auto& text : session.materials) typeset_map(text);
  }
  for (auto& trainer : course.trainers) typeset_map(trainer.bio);
  if (course.credits) {
    typeset_map(course.credits->funding);
    for (auto& author : course.credits->authors) typeset_map(author.role);
  }
  if (course.certification) typeset_map(course.certification->text);
  for (auto& module : course.modules) {
    typeset_map(module.title);
    typeset_map(module.description);
    for (auto& lesson : module.lessons) typeset_map(lesson.title);
    for (auto& question : module.quiz) {
      typeset_map(question.prompt);
      typeset_map(question.feedback);
      for (auto& choice : question.choices) typeset_map(choice.text);
    }
  }
  return course;
}

}  // namespace coursepack
