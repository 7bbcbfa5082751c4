#pragma once
// One line of progress on stderr for long runs (report, simulate): what is being done,
// how many, the rate and, when the total is known, the time left. Shown only on a
// terminal and without --quiet; redrawn at most four times a second.

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace coursepack::cli {

class Progress {
 public:
  Progress(std::string command, bool quiet) : command_(std::move(command)), shown_(!quiet && ::isatty(STDERR_FILENO)) {}
  ~Progress() { clear(); }

  bool shown() const { return shown_; }

  /// `done` of `total` (0: unknown) `unit`s; `what`: what is being read or made.
  void update(const std::string& what, std::int64_t done, const char* unit, double fraction = -1) {
    if (!shown_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    drawn_ = true;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::string line = command_ + ": " + what + ": " + grouped(done) + " " + unit;
    if (seconds > 0.5) line += ", " + grouped(static_cast<std::int64_t>(static_cast<double>(done) / seconds)) + "/s";
    if (fraction > 0.001 && fraction < 1) {
      line += ", " + std::to_string(static_cast<int>(fraction * 100)) + "%";
      if (seconds > 2) line += ", " + clock(seconds * (1 - fraction) / fraction) + " left";
    }
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
  }

  /// Erases the line (before a message or at the end).
  void clear() {
    if (shown_ && drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }

  static std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += ',';
      out += digits[i];
    }
    return out;
  }

  static std::string clock(double seconds) {
    const auto s = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (s >= 3600) std::snprintf(text, sizeof text, "%lld h %02lld min", s / 3600, s / 60 % 60);
    else if (s >= 60) std::snprintf(text, sizeof text, "%lld min %02lld s", s / 60, s % 60);
    else std::snprintf(text, sizeof text, "%lld s", s);
    return text;
  }

 private:
  std::string command_;
  bool shown_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_;
};

}  // namespace coursepack::cli
