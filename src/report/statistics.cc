#include "coursepack/report/statistics.h"

#include <cmath>

namespace coursepack::report {
namespace {

// The continued fraction of I_x(a, b) (modified Lentz's method), which converges fast
// for x < (a + 1) / (a + b + 2); the caller uses the symmetry I_x(a, b) = 1 - I_1-x(b, a)
// elsewhere.
double beta_fraction(double x, double a, double b) {
  constexpr double tiny = 1e-300;
  constexpr double epsilon = 1e-15;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::fabs(d) < tiny) d = tiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 500; ++m) {
    const double m2 = 2.0 * m;
    // Even step.
    double numerator = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
    d = 1.0 + numerator * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1.0 + numerator / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    h *= d * c;
    // Odd step.
    numerator = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
    d = 1.0 + numerator * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1.0 + numerator / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double step = d * c;
    h *= step;
    if (std::fabs(step - 1.0) < epsilon) break;
  }
  return h;
}

// P(T <= t) for Student's t with df degrees of freedom.
double t_cdf(double t, double df) {
  const double tail = 0.5 * incomplete_beta(df / (df + t * t), df / 2.0, 0.5);
  return t >= 0 ? 1.0 - tail : tail;
}

}  // namespace

double incomplete_beta(double x, double a, double b) {
  if (!(a > 0) || !(b > 0) || !(x >= 0) || !(x <= 1)) return 0.0;
  if (x == 0.0 || x == 1.0) return x;
  const double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_fraction(x, a, b) / a;
  return 1.0 - front * beta_fraction(1.0 - x, b, a) / b;
}

double t_quantile(double p, double df) {
  if (!(p > 0) || !(p < 1) || !(df >= 1)) return 0.0;
  if (p < 0.5) return -t_quantile(1.0 - p, df);
  if (p == 0.5) return 0.0;
  // The CDF is increasing: bracket the quantile, then bisect (each step halves the
  // bracket; 200 steps reach the limit of doubles from any bracket).
  double low = 0.0, high = 1.0;
  while (t_cdf(high, df) < p && high < 1e12) {
    low = high;
    high *= 2.0;
  }
  for (int i = 0; i < 200 && high - low > 1e-12 * (1.0 + high); ++i) {
    const double middle = 0.5 * (low + high);
    (t_cdf(middle, df) < p ? low : high) = middle;
  }
  return 0.5 * (low + high);
}

void MeanAccumulator::add(double value) {
  ++n_;
  const double delta = value - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (value - mean_);
}

MeanInterval mean_interval(const MeanAccumulator& values, double level) {
  MeanInterval out;
  out.n = values.count();
  out.mean = out.low = out.high = values.mean();
  if (out.n < 2) return out;
  out.sd = std::sqrt(values.variance());
  const double half =
      t_quantile(1.0 - (1.0 - level) / 2.0, static_cast<double>(out.n - 1)) * out.sd / std::sqrt(static_cast<double>(out.n));
  out.low = out.mean - half;
  out.high = out.mean + half;
  return out;
}

void CorrelationAccumulator::add(double x, double y) {
  ++n_;
  const double n = static_cast<double>(n_);
  const double dx = x - mean_x_;
  const double dy = y - mean_y_;
  mean_x_ += dx / n;
  mean_y_ += dy / n;
  cxx_ += dx * (x - mean_x_);
  cyy_ += dy * (y - mean_y_);
  cxy_ += dx * (y - mean_y_);
}

std::optional<double> CorrelationAccumulator::correlation() const {
  // A variable that never varies has no correlation; sums of identical doubles can leave
  // a rounding residue, hence a relative threshold rather than == 0.
  if (n_ < 2 || cxx_ <= 1e-12 || cyy_ <= 1e-12) return std::nullopt;
  return cxy_ / std::sqrt(cxx_ * cyy_);
}

}  // namespace coursepack::report
