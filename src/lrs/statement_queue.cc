#include "coursepack/lrs/statement_queue.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace coursepack::lrs {
namespace fs = std::filesystem;
namespace {

std::string system_error(const std::string& what) { return what + ": " + std::strerror(errno); }

// Appends `text` and syncs: once this returns, the bytes survive a crash.
std::string append_synced(const fs::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return system_error("cannot open " + path.string());
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string error = system_error("cannot write " + path.string());
      ::close(fd);
      return error;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const std::string error = system_error("cannot sync " + path.string());
    ::close(fd);
    return error;
  }
  ::close(fd);
  return {};
}

// The complete lines of a file; a last line without its newline was cut by a crash: it is
// cut off the file too, so the next append starts on a fresh line.
std::vector<std::string> read_lines(const fs::path& path) {
  std::vector<std::string> lines;
  std::ifstream in(path, std::ios::binary);
  if (!in) return lines;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::size_t start = 0;
  while (true) {
    const auto end = text.find('\n', start);
    if (end == std::string::npos) break;
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (start < text.size()) {
    std::error_code ec;
    fs::resize_file(path, start, ec);
  }
  return lines;
}

// The queue holds learners' names and addresses: its files stay private (0600).
std::string replace_empty(const fs::path& path) {
  const fs::path temporary = path.string() + ".new";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return system_error("cannot write " + temporary.string());
  ::close(fd);
  std::error_code ec;
  fs::rename(temporary, path, ec);
  return ec ? "cannot replace " + path.string() + ": " + ec.message() : std::string();
}

}  // namespace

StatementQueue::~StatementQueue() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // closing releases the lock
}

StatementQueue::OpenResult StatementQueue::open(const fs::path& folder) {
  std::error_code ec;
  if (!fs::exists(folder, ec)) {
    fs::create_directories(folder, ec);
    if (ec) return {nullptr, "cannot create the queue folder " + folder.string() + ": " + ec.message()};
    fs::permissions(folder, fs::perms::owner_all, ec);  // private: it holds learner data
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
  for (const auto& line : read_lines(folder_ / "statements.jsonl")) {
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("id") || !doc["id"].is_string())
      return (folder_ / "statements.jsonl").string() + ": a line is not a statement with an id";
    statements_.push_back({doc["id"].get<std::string>(), line});
  }
  settled_ = read_lines(folder_ / "done.txt");
  // A refusal settles that statement, not its id: a corrected statement under the same id
  // is sent again.
  for (const auto& line : read_lines(folder_ / "rejected.jsonl")) {
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    if (!doc.is_discarded() && doc.contains("id") && doc["id"].is_string() && doc.contains("statement"))
      rejected_.insert(doc["statement"].dump());
  }
  inputs_ = read_lines(folder_ / "inputs.txt");
  return {};
}

bool StatementQueue::has_input(const std::string& digest) const {
  return std::find(inputs_.begin(), inputs_.end(), digest) != inputs_.end();
}

std::string StatementQueue::enqueue(const std::vector<QueuedStatement>& statements, const std::string& digest) {
  std::string text;
  for (const auto& statement : statements) text += statement.json + "\n";
  if (auto error = append_synced(folder_ / "statements.jsonl", text); !error.empty()) return error;
  statements_.insert(statements_.end(), statements.begin(), statements.end());
  if (auto error = append_synced(folder_ / "inputs.txt", digest + "\n"); !error.empty()) return error;
  inputs_.push_back(digest);
  return {};
}

std::vector<QueuedStatement> StatementQueue::pending() const {
  const std::set<std::string> done(settled_.begin(), settled_.end());
  std::set<std::string> seen;  // the same statement queued twice goes once
  std::vector<QueuedStatement> out;
  for (const auto& statement : statements_)
    if (!done.contains(statement.id) && !rejected_.contains(statement.json) && seen.insert(statement.json).second)
      out.push_back(statement);
  return out;
}

std::string StatementQueue::confirm(const std::vector<std::string>& ids) {
  std::string text;
  for (const auto& id : ids) text += id + "\n";
  if (auto error = append_synced(folder_ / "done.txt", text); !error.empty()) return error;
  settled_.insert(settled_.end(), ids.begin(), ids.end());
  return {};
}

std::string StatementQueue::reject(const QueuedStatement& statement, int status, const std::string& reason) {
  nlohmann::json line = {{"id", statement.id}, {"status", status}, {"reason", reason},
                         {"statement", nlohmann::json::parse(statement.json, nullptr, false)}};
  if (auto error = append_synced(folder_ / "rejected.jsonl", line.dump() + "\n"); !error.empty()) return error;
  rejected_.insert(line["statement"].dump());
  return {};
}

std::string StatementQueue::compact() {
  if (!pending().empty()) return {};
  for (const char* name : {"statements.jsonl", "done.txt", "inputs.txt"})
    if (auto error = replace_empty(folder_ / name); !error.empty()) return error;
  statements_.clear();
  inputs_.clear();
  settled_.clear();
  return {};
}

}  // namespace coursepack::lrs
