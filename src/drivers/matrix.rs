//! The priority matrix (重点改善マトリクス, the CS portfolio of customer-satisfaction
//! analysis): each predictor placed by its importance (share of the explained variance) and
//! its favourable share in the report's wave. The lines between the quadrants are the
//! averages over the predictors: importance above the average share (1 / number of
//! predictors, since the shares add up to 100 %), and a favourable share above the
//! predictors' mean.

/// A predictor's quadrant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quadrant {
    /// Important and below the average favourable share: where to act first.
    Improve,
    /// Important and above the average: a strength to keep.
    Keep,
    /// Less important and below the average.
    Watch,
    /// Less important and above the average.
    Maintain,
}

impl Quadrant {
    /// The quadrant's name in the report.
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::Improve => "重点改善",
            Quadrant::Keep => "重点維持",
            Quadrant::Watch => "改善",
            Quadrant::Maintain => "維持",
        }
    }

    /// What the quadrant means, for the report's legend.
    pub fn meaning(self) -> &'static str {
        match self {
            Quadrant::Improve => "重要度が平均以上で好ましい回答が平均未満（優先して取り組む）",
            Quadrant::Keep => "重要度が平均以上で好ましい回答も平均以上（強みとして保つ）",
            Quadrant::Watch => "重要度も好ましい回答も平均未満（優先度は低い）",
            Quadrant::Maintain => "重要度が平均未満で好ましい回答が平均以上",
        }
    }

    pub const ALL: [Quadrant; 4] = [
        Quadrant::Improve,
        Quadrant::Keep,
        Quadrant::Watch,
        Quadrant::Maintain,
    ];
}

/// The lines between the quadrants: the average importance share (percent) and the mean
/// favourable share (percent) of the predictors that have one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lines {
    pub importance: f64,
    pub favourable: f64,
}

impl Lines {
    /// The lines for predictors with these importance shares and favourable shares (percent);
    /// `None` when no predictor has a favourable share.
    pub fn of(importance: &[f64], favourable: &[Option<f64>]) -> Option<Lines> {
        let shown: Vec<f64> = favourable.iter().flatten().copied().collect();
        if shown.is_empty() || importance.is_empty() {
            return None;
        }
        Some(Lines {
            importance: importance.iter().sum::<f64>() / importance.len() as f64,
            favourable: shown.iter().sum::<f64>() / shown.len() as f64,
        })
    }

    /// The quadrant of a predictor (an importance at the line counts as important, a
    /// favourable share at the line as above the average).
    pub fn quadrant(&self, importance: f64, favourable: f64) -> Quadrant {
        match (importance >= self.importance, favourable >= self.favourable) {
            (true, false) => Quadrant::Improve,
            (true, true) => Quadrant::Keep,
            (false, false) => Quadrant::Watch,
            (false, true) => Quadrant::Maintain,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Worked by hand: importance 50, 30, 20 (mean 33.3…), favourable 40, 80, 60 (mean 60):
    // 50/40 important and low → 重点改善; 30/80 → 維持; 20/60 (at the mean) → 維持.
    #[test]
    fn quadrants_by_the_averages() {
        let lines = Lines::of(&[50.0, 30.0, 20.0], &[Some(40.0), Some(80.0), Some(60.0)]).unwrap();
        assert!((lines.importance - 100.0 / 3.0).abs() < 1e-12);
        assert_eq!(lines.favourable, 60.0);
        assert_eq!(lines.quadrant(50.0, 40.0), Quadrant::Improve);
        assert_eq!(lines.quadrant(50.0, 70.0), Quadrant::Keep);
        assert_eq!(lines.quadrant(30.0, 80.0), Quadrant::Maintain);
        assert_eq!(lines.quadrant(20.0, 60.0), Quadrant::Maintain);
        assert_eq!(lines.quadrant(20.0, 59.9), Quadrant::Watch);
        // A hidden favourable share does not move the line.
        let lines = Lines::of(&[50.0, 50.0], &[Some(40.0), None]).unwrap();
        assert_eq!(lines.favourable, 40.0);
        assert!(Lines::of(&[50.0], &[None]).is_none());
    }
}
