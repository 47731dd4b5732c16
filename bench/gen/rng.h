// Deterministic random numbers for the generator: xoshiro256** seeded through splitmix64, and the
// few distributions the models need, written here so that the output never depends on a standard
// library's distribution algorithms (same arguments, same bytes, on every platform with IEEE
// doubles and a correctly rounded libm).
#pragma once

#include <cstdint>
#include <vector>

namespace meshcheck::gen {

class Rng {
 public:
  // Generators with the same seed and different streams are independent.
  explicit Rng(uint64_t seed, uint64_t stream = 0);

  uint64_t Next();
  double Uniform();            // [0, 1), 53 bits.
  uint32_t Below(uint32_t n);  // [0, n) for n > 0.
  bool Chance(double p) { return Uniform() < p; }
  double Exponential(double mean);
  // exp(N(log median, sigma^2)).
  double LogNormal(double median, double sigma);
  uint32_t Poisson(double mean);

 private:
  uint64_t s_[4];
};

// Samples 0..n-1 in proportion to fixed non-negative weights (inverse CDF, binary search).
class DiscreteTable {
 public:
  explicit DiscreteTable(const std::vector<double>& weights);
  // P(k) proportional to 1 / (k + 1)^s: Zipf ranks 0..n-1 (s = 0 is uniform).
  static DiscreteTable Zipf(uint32_t n, double s);

  uint32_t Sample(Rng* rng) const;

 private:
  std::vector<double> cdf_;  // Normalised to end at 1.
};

}  // namespace meshcheck::gen
