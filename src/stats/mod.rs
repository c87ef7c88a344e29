//! Statistics over counts: confidence intervals, hypothesis tests and multiple-testing
//! adjustment. Plain functions, no data frames; each is tested against values computed
//! independently with scipy or statsmodels (the test names the exact call).

mod holm;
mod interval;
mod tests_of_difference;

pub use holm::holm;
pub use interval::{newcombe, t_interval, wilson, z_quantile};
pub use tests_of_difference::{chi_square_independence, two_proportion_z, ChiSquare, ZTest};
