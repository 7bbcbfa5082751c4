#include "coursepack/lrs/statement_queue.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

namespace coursepack::lrs {
namespace fs = std::filesystem;
namespace {

std::string system_error(const std::string& what) { return what + ": " + std::strerror(errno); }

std::string write_all(int fd, const char* data, std::size_t size, const fs::path& path) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return system_error("cannot write " + path.string());
    done += static_cast<std::size_t>(n);
  }
  return {};
}

// A new file or a rename is durable only once its folder is synced too.
std::string sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return system_error("cannot open " + folder.string());
  const int result = ::fsync(fd);
  ::close(fd);
  return result == 0 ? std::string() : system_error("cannot sync " + folder.string());
}

// Appends `text` and syncs: once this returns, the bytes survive a crash.
std::string append_synced(const fs::path& path, const std::string& text) {
  const bool existed = fs::exists(path);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return system_error("cannot open " + path.string());
  std::string error = write_all(fd, text.data(), text.size(), path);
  if (error.empty() && ::fsync(fd) != 0) error = system_error("cannot sync " + path.string());
  ::close(fd);
  if (error.empty() && !existed) error = sync_folder(path.parent_path());
  return error;
}

// Replaces `path` with `text` in one step (a temporary file renamed over it), synced.
std::string replace_synced(const fs::path& path, const std::string& text) {
  const fs::path temporary = path.string() + ".new";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return system_error("cannot write " + temporary.string());
  std::string error = write_all(fd, text.data(), text.size(), temporary);
  if (error.empty() && ::fsync(fd) != 0) error = system_error("cannot sync " + temporary.string());
  ::close(fd);
  if (!error.empty()) return error;
  if (::rename(temporary.c_str(), path.c_str()) != 0) return system_error("cannot replace " + path.string());
  return sync_folder(path.parent_path());
}

std::uint64_t size_of(const fs::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 ? static_cast<std::uint64_t>(info.st_size) : 0;
}

// A last line without its newline was cut by a crash: cut it off the file too, so the
// next append starts on a fresh line. Reads only the file's tail.
void drop_cut_line(const fs::path& path) {
  const std::uint64_t size = size_of(path);
  if (size == 0) return;
  std::ifstream in(path, std::ios::binary);
  std::uint64_t end = size;
  std::string chunk;
  while (end > 0) {
    const std::uint64_t start = end > 65536 ? end - 65536 : 0;
    chunk.resize(end - start);
    in.seekg(static_cast<std::streamoff>(start));
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto newline = chunk.rfind('\n');
    if (newline != std::string::npos) {
      end = start + newline + 1;
      break;
    }
    end = start;
  }
  if (end != size) {
    std::error_code ec;
    fs::resize_file(path, end, ec);
  }
}

std::optional<QueuedStatement> statement_of_line(const std::string& line) {
  const auto doc = nlohmann::json::parse(line, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("id") || !doc["id"].is_string()) return std::nullopt;
  QueuedStatement statement{doc["id"].get<std::string>(), line, {}};
  statement.key = statement_key(statement.id, line);
  return statement;
}

// Calls `each` with every complete line of a JSON-lines file, streaming.
template <typename Each>
void for_each_line(const fs::path& path, Each each) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) each(line);
}

void sort_unique(std::vector<StatementKey>& keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

bool contains(const std::vector<StatementKey>& sorted, const StatementKey& key) {
  return std::binary_search(sorted.begin(), sorted.end(), key);
}

}  // namespace

StatementQueue::~StatementQueue() {
  discard_staged();
  if (lock_fd_ >= 0) ::close(lock_fd_);  // closing releases the lock
}

StatementQueue::OpenResult StatementQueue::open(const fs::path& folder) {
  std::error_code ec;
  if (!fs::exists(folder, ec)) {
    fs::create_directories(folder, ec);
    if (ec) return {nullptr, "cannot create the queue folder " + folder.string() + ": " + ec.message()};
    fs::permissions(folder, fs::perms::owner_all, ec);  // private: it holds learner data
    if (auto error = sync_folder(folder.parent_path()); !error.empty()) return {nullptr, error};
  }
  std::unique_ptr<StatementQueue> queue(new StatementQueue());
  queue->folder_ = folder;
  queue->lock_fd_ = ::open((folder / "lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (queue->lock_fd_ < 0) return {nullptr, system_error("cannot open " + (folder / "lock").string())};
  if (::flock(queue->lock_fd_, LOCK_EX | LOCK_NB) != 0)
    return {nullptr, "the queue " + folder.string() + " is in use by another coursepack process"};
  if (auto error = queue->load(); !error.empty()) return {nullptr, error};
  return {std::move(queue), {}};
}

std::string StatementQueue::load() {
  if (fs::exists(folder_ / "done.txt"))
    if (auto error = convert_old_format(); !error.empty()) return error;
  std::error_code ec;
  fs::remove(folder_ / "incoming.jsonl", ec);  // an input that was never committed
  const fs::path statements = folder_ / "statements.jsonl";
  drop_cut_line(statements);
  drop_cut_line(folder_ / "rejected.jsonl");
  drop_cut_line(folder_ / "conflicts.jsonl");
  const fs::path keys = folder_ / "stored.keys";
  if (const auto size = size_of(keys); size % sizeof(StatementKey)) fs::resize_file(keys, size - size % sizeof(StatementKey), ec);
  std::ifstream in(folder_ / "cursor");
  std::uint64_t cursor = 0;
  if (in >> cursor) cursor_ = std::min(cursor, size_of(statements));
  return {};
}

// Version 0.1 kept every statement and the confirmed ids (done.txt) in memory; such a
// queue is small. Its unsettled statements become the new queue.
std::string StatementQueue::convert_old_format() {
  std::set<std::string> done, refused;
  for_each_line(folder_ / "done.txt", [&](const std::string& id) { done.insert(id); });
  for_each_line(folder_ / "rejected.jsonl", [&](const std::string& line) {
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    if (!doc.is_discarded() && doc.contains("statement")) refused.insert(doc["statement"].dump());
  });
  std::string pending;
  std::set<std::string> seen;
  for_each_line(folder_ / "statements.jsonl", [&](const std::string& line) {
    const auto statement = statement_of_line(line);
    if (statement && !done.contains(statement->id) && !refused.contains(line) && seen.insert(line).second)
      pending += line + "\n";
  });
  if (auto error = replace_synced(folder_ / "statements.jsonl", pending); !error.empty()) return error;
  if (auto error = replace_synced(folder_ / "cursor", "0\n"); !error.empty()) return error;
  std::error_code ec;
  fs::remove(folder_ / "done.txt", ec);
  fs::remove(folder_ / "inputs.txt", ec);
  return sync_folder(folder_);
}

void StatementQueue::load_known() {
  if (known_loaded_) return;
  known_loaded_ = true;
  {
    std::ifstream in(folder_ / "stored.keys", std::ios::binary);
    stored_.reserve(size_of(folder_ / "stored.keys") / sizeof(StatementKey));  // no doubling on the way
    StatementKey key{};
    while (in.read(reinterpret_cast<char*>(key.data()), static_cast<std::streamsize>(key.size()))) stored_.push_back(key);
  }
  sort_unique(stored_);
  QueueBatch batch;
  for (std::uint64_t from = cursor_;; from = batch.end) {
    read_batch(1000, from, batch);
    if (batch.statements.empty()) break;
    for (const auto& statement : batch.statements) pending_.push_back(statement.key);
  }
  sort_unique(pending_);
  for (const auto& [name, list] : {std::pair{"rejected.jsonl", &rejected_}, {"conflicts.jsonl", &conflicts_}}) {
    // Plain variables: clang before 16 cannot capture structured bindings in a lambda.
    const char* file = name;
    std::vector<StatementKey>* keys = list;
    for_each_line(folder_ / file, [&](const std::string& line) {
      const auto doc = nlohmann::json::parse(line, nullptr, false);
      if (doc.is_discarded() || !doc.contains("statement") || !doc["statement"].is_object()) return;
      const auto& statement = doc["statement"];
      if (statement.contains("id") && statement["id"].is_string())
        keys->push_back(statement_key(statement["id"], canonical(statement)));
    });
    sort_unique(*keys);
  }
}

StatementQueue::Known StatementQueue::known(const StatementKey& key) {
  load_known();
  if (contains(stored_, key)) return Known::stored;
  if (contains(pending_, key)) return Known::pending;
  if (contains(conflicts_, key)) return Known::conflict;
  if (contains(rejected_, key)) return Known::rejected;
  return Known::no;
}

std::string StatementQueue::stage(const QueuedStatement& statement) {
  const fs::path path = folder_ / "incoming.jsonl";
  if (staged_fd_ < 0) {
    staged_fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (staged_fd_ < 0) return system_error("cannot write " + path.string());
    staged_count_ = 0;
  }
  staged_buffer_ += statement.json;
  staged_buffer_ += '\n';
  ++staged_count_;
  return staged_buffer_.size() < (1u << 20) ? std::string() : flush_staged();
}

std::string StatementQueue::flush_staged() {
  std::string error = write_all(staged_fd_, staged_buffer_.data(), staged_buffer_.size(), folder_ / "incoming.jsonl");
  staged_buffer_.clear();
  return error;
}

std::string StatementQueue::commit_staged() {
  if (staged_fd_ < 0) return {};
  if (auto error = flush_staged(); !error.empty()) return error;
  ::close(staged_fd_);
  staged_fd_ = -1;
  const fs::path incoming = folder_ / "incoming.jsonl", statements = folder_ / "statements.jsonl";
  // Appended in chunks: a crash halfway leaves whole lines (the cut one is dropped at the
  // next open) that a rerun recognises as pending and does not add again.
  std::ifstream in(incoming, std::ios::binary);
  const bool existed = fs::exists(statements);
  const int fd = ::open(statements.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return system_error("cannot open " + statements.string());
  std::string chunk(1 << 20, '\0');
  std::string error;
  while (error.empty() && (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())), in.gcount() > 0))
    error = write_all(fd, chunk.data(), static_cast<std::size_t>(in.gcount()), statements);
  if (error.empty() && ::fsync(fd) != 0) error = system_error("cannot sync " + statements.string());
  ::close(fd);
  if (!error.empty()) return error;
  if (!existed)
    if (auto sync_error = sync_folder(folder_); !sync_error.empty()) return sync_error;
  std::error_code ec;
  fs::remove(incoming, ec);
  staged_count_ = 0;
  return {};
}

void StatementQueue::discard_staged() {
  staged_buffer_.clear();
  if (staged_fd_ < 0) return;
  ::close(staged_fd_);
  staged_fd_ = -1;
  std::error_code ec;
  fs::remove(folder_ / "incoming.jsonl", ec);
}

std::string StatementQueue::read_batch(std::size_t count, std::uint64_t from, QueueBatch& out) const {
  out.statements.clear();
  out.end = std::max(from, cursor_);
  std::ifstream in(folder_ / "statements.jsonl", std::ios::binary);
  if (!in) return {};
  in.seekg(static_cast<std::streamoff>(out.end));
  std::string line;
  while (out.statements.size() < count && std::getline(in, line)) {
    if (in.eof()) break;  // no newline: cut by a crash (dropped at the next open)
    out.end += line.size() + 1;
    if (line.empty()) continue;
    auto statement = statement_of_line(line);
    if (!statement) return (folder_ / "statements.jsonl").string() + ": a line is not a statement with an id";
    out.statements.push_back(std::move(*statement));
  }
  return {};
}

std::string StatementQueue::record_stored(const std::vector<StatementKey>& keys) {
  std::string bytes;
  for (const auto& key : keys) bytes.append(reinterpret_cast<const char*>(key.data()), key.size());
  return append_synced(folder_ / "stored.keys", bytes);
}

std::string StatementQueue::record_rejected(const QueuedStatement& statement, int status, const std::string& reason) {
  const nlohmann::json line = {{"id", statement.id}, {"status", status}, {"reason", reason},
                               {"statement", nlohmann::json::parse(statement.json, nullptr, false)}};
  return append_synced(folder_ / "rejected.jsonl", canonical(line) + "\n");
}

std::string StatementQueue::record_conflict(const QueuedStatement& statement, const std::string& stored_json) {
  const nlohmann::json line = {{"id", statement.id},
                               {"statement", nlohmann::json::parse(statement.json, nullptr, false)},
                               {"stored", nlohmann::json::parse(stored_json, nullptr, false)}};
  return append_synced(folder_ / "conflicts.jsonl", canonical(line) + "\n");
}

std::string StatementQueue::advance(std::uint64_t offset) {
  if (auto error = replace_synced(folder_ / "cursor", std::to_string(offset) + "\n"); !error.empty()) return error;
  cursor_ = offset;
  return {};
}

std::size_t StatementQueue::pending_count() const {
  std::size_t count = 0;
  std::ifstream in(folder_ / "statements.jsonl", std::ios::binary);
  in.seekg(static_cast<std::streamoff>(cursor_));
  std::string line;
  while (std::getline(in, line))
    if (!in.eof() && !line.empty()) ++count;
  return count;
}

std::string StatementQueue::compact() {
  const fs::path statements = folder_ / "statements.jsonl";
  if (cursor_ < size_of(statements)) return {};
  // Emptied first: a crash before the cursor is reset leaves a cursor past the end,
  // which open() reads as "everything settled".
  if (auto error = replace_synced(statements, ""); !error.empty()) return error;
  return advance(0);
}

std::size_t StatementQueue::rejected_count() const {
  std::size_t count = 0;
  for_each_line(folder_ / "rejected.jsonl", [&](const std::string&) { ++count; });
  return count;
}

std::string StatementQueue::retry_rejected(std::size_t& count) {
  count = 0;
  std::string error;
  for_each_line(folder_ / "rejected.jsonl", [&](const std::string& line) {
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    if (!error.empty() || doc.is_discarded() || !doc.contains("statement") || !doc["statement"].is_object()) return;
    const auto& statement = doc["statement"];
    if (!statement.contains("id") || !statement["id"].is_string()) return;
    const std::string json = canonical(statement);
    error = stage({statement["id"], json, statement_key(statement["id"], json)});
    ++count;
  });
  if (error.empty()) error = commit_staged();
  // Emptied only once they are queued again: a crash between the two queues them twice,
  // which the LRS takes as one (same id, same content).
  if (error.empty()) error = replace_synced(folder_ / "rejected.jsonl", "");
  rejected_.clear();
  return error;
}

}  // namespace coursepack::lrs
