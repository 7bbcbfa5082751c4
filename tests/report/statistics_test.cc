#include "coursepack/report/statistics.h"

#include <catch2/catch.hpp>

namespace coursepack::report {
namespace {

TEST_CASE("Student t quantiles match the printed tables") {
  // Values from any t table (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2), to 6 decimals.
  struct Row {
    double p, df, t;
  };
  const Row rows[] = {
      {0.975, 1, 12.706205}, {0.975, 2, 4.302653}, {0.975, 4, 2.776445},  {0.975, 9, 2.262157},
      {0.975, 29, 2.045230}, {0.975, 100, 1.983972}, {0.95, 10, 1.812461}, {0.995, 5, 4.032143},
      {0.025, 4, -2.776445}, {0.5, 7, 0.0},
  };
  for (const auto& row : rows) {
    INFO("p " << row.p << " df " << row.df);
    CHECK(t_quantile(row.p, row.df) == Approx(row.t).margin(1e-6));
  }
  CHECK(t_quantile(0.975, 1e6) == Approx(1.959966).margin(1e-5));  // tends to the normal quantile
  CHECK(t_quantile(1.0, 5) == 0.0);  // out of range
  CHECK(t_quantile(0.9, 0.5) == 0.0);
}

TEST_CASE("the incomplete beta function at known points") {
  CHECK(incomplete_beta(0.5, 2, 2) == Approx(0.5));
  CHECK(incomplete_beta(0.25, 1, 1) == Approx(0.25));          // uniform
  CHECK(incomplete_beta(0.3, 2, 3) == Approx(0.3483).margin(1e-4));  // sum over j = 2..4 of C(4, j) x^j (1 - x)^(4 - j)
  CHECK(incomplete_beta(0, 2, 3) == 0.0);
  CHECK(incomplete_beta(1, 2, 3) == 1.0);
}

TEST_CASE("mean intervals of small cohorts, computed by hand") {
  struct Row {
    std::vector<double> values;
    double mean, sd, low, high;
  };
  const Row rows[] = {
      // Gains 10..50: sd = sqrt(250), half width = t(0.975, 4) * sd / sqrt(5) = 2.776445 * 7.071068.
      {{10, 20, 30, 40, 50}, 30, 15.811388, 10.367568, 49.632432},
      // The cohort of summary_test.cc: gains 60, 60, 60, 40, 0; sd = sqrt(680).
      {{60, 60, 60, 40, 0}, 44, 26.076810, 11.621364, 76.378636},
      // Everyone the same: no spread, the interval is the mean.
      {{20, 20, 20}, 20, 0, 20, 20},
      // One value: no interval.
      {{35}, 35, 0, 35, 35},
      // Two values: sd = sqrt(200) = 14.142136, se = 10, half width t(0.975, 1) * 10.
      {{-10, 10}, 0, 14.142136, -127.062047, 127.062047},
  };
  for (const auto& row : rows) {
    MeanAccumulator values;
    for (double v : row.values) values.add(v);
    const MeanInterval m = mean_interval(values);
    INFO("n " << row.values.size() << " mean " << row.mean);
    CHECK(m.n == static_cast<std::int64_t>(row.values.size()));
    CHECK(m.mean == Approx(row.mean));
    CHECK(m.sd == Approx(row.sd).margin(1e-6));
    CHECK(m.low == Approx(row.low).margin(1e-5));
    CHECK(m.high == Approx(row.high).margin(1e-5));
  }
  MeanAccumulator none;
  CHECK(mean_interval(none).n == 0);
}

TEST_CASE("point-biserial correlations, computed by hand") {
  struct Row {
    std::vector<double> item, rest;
    std::optional<double> r;
  };
  const Row rows[] = {
      // M1 = 3, M0 = 1.5, population sd of rest = sqrt(5.2 / 5), p = 0.6:
      // (3 - 1.5) / 1.019804 * sqrt(0.6 * 0.4) = 0.720577.
      {{1, 1, 0, 0, 1}, {4, 3, 1, 2, 2}, 0.720577},
      // Those who get the question right do worse on the rest: negative.
      {{1, 0, 1, 0}, {0, 4, 1, 3}, -0.948683}  /* -3 / sqrt(1 * 10) */,
      // Everyone right: undefined.
      {{1, 1, 1}, {1, 2, 3}, std::nullopt},
      // The rest never varies: undefined.
      {{1, 0, 1}, {2, 2, 2}, std::nullopt},
      // Below two learners: undefined.
      {{1}, {3}, std::nullopt},
  };
  for (const auto& row : rows) {
    CorrelationAccumulator c;
    for (std::size_t i = 0; i < row.item.size(); ++i) c.add(row.item[i], row.rest[i]);
    INFO("n " << row.item.size());
    REQUIRE(c.correlation().has_value() == row.r.has_value());
    if (row.r) CHECK(*c.correlation() == Approx(*row.r).margin(1e-6));
  }
}

}  // namespace
}  // namespace coursepack::report
