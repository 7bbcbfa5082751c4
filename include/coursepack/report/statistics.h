#pragma once
// The few statistics a cohort report needs, as pure functions over numbers: means with a
// Student-t confidence interval (paired differences: post minus pre), and the Pearson
// correlation that, between a 0/1 item and a score, is the point-biserial correlation.
// No I/O; nothing here throws.

#include <cstdint>
#include <optional>
#include <vector>

namespace coursepack::report {

/// The p-quantile of Student's t distribution with `df` degrees of freedom (df >= 1,
/// 0 < p < 1), to about 1e-9. Out-of-range arguments give 0.
double t_quantile(double p, double df);

/// The regularized incomplete beta function I_x(a, b), a, b > 0, 0 <= x <= 1.
double incomplete_beta(double x, double a, double b);

/// Sums from which a mean and its confidence interval follow; values are added one at a
/// time, so a report never holds them (Welford's update: no cancellation on large n).
class MeanAccumulator {
 public:
  void add(double value);
  std::int64_t count() const { return n_; }
  double mean() const { return mean_; }
  /// Sample variance (n - 1 in the denominator); 0 below two values.
  double variance() const { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : 0.0; }

 private:
  std::int64_t n_ = 0;
  double mean_ = 0, m2_ = 0;
};

struct MeanInterval {
  std::int64_t n = 0;
  double mean = 0;
  double sd = 0;   // sample standard deviation
  double low = 0;  // bounds of the interval; equal to the mean when n < 2
  double high = 0;
};

/// The mean and its two-sided `level` (e.g. 0.95) Student-t interval: mean ± t(1 - (1 -
/// level) / 2, n - 1) · sd / √n. On paired differences this is the paired t interval.
MeanInterval mean_interval(const MeanAccumulator& values, double level = 0.95);

/// Sums for the Pearson correlation of pairs (x, y).
class CorrelationAccumulator {
 public:
  void add(double x, double y);
  std::int64_t count() const { return n_; }
  /// The correlation, or nothing when either variable is constant or n < 2 (undefined).
  std::optional<double> correlation() const;

 private:
  std::int64_t n_ = 0;
  double mean_x_ = 0, mean_y_ = 0, cxx_ = 0, cyy_ = 0, cxy_ = 0;
};

}  // namespace coursepack::report
