//! The organisation's name, read from the question texts (`しおかぜ市職員として…` →
//! `しおかぜ市`) for the pipeline file's `organisation`; the file asks the user to check it.

/// The organisation named in the questions: `しおかぜ市職員として…` → `しおかぜ市`.
pub fn guess_organisation(headers: &[String]) -> Option<String> {
    let script = |c: char| {
        ('\u{3041}'..='\u{309F}').contains(&c)
            || ('\u{30A0}'..='\u{30FF}').contains(&c)
            || ('\u{4E00}'..='\u{9FFF}').contains(&c)
    };
    for h in headers {
        let chars: Vec<char> = h.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if !matches!(c, '市' | '町' | '村' | '区') || i < 2 {
                continue;
            }
            let rest: String = chars[i + 1..].iter().collect();
            if !["職員", "役所", "役場", "に愛着", "の職員", "で働"]
                .iter()
                .any(|w| rest.starts_with(w))
            {
                continue;
            }
            let start = (0..i)
                .rev()
                .take_while(|j| {
                    script(chars[*j])
                        && !matches!(chars[*j], 'は' | 'が' | 'を' | 'に' | 'の' | 'で')
                })
                .last()
                .unwrap_or(i);
            if i - start >= 2 && i - start <= 8 {
                return Some(chars[start..=i].iter().collect());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_from_the_questions() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            guess_organisation(&h(&[
                "回答ID",
                "しおかぜ市職員として働いていることに満足している"
            ]))
            .as_deref(),
            Some("しおかぜ市")
        );
        assert_eq!(
            guess_organisation(&h(&["あなたは小樽市に愛着がありますか"])).as_deref(),
            Some("小樽市")
        );
        assert_eq!(guess_organisation(&h(&["回答ID", "年代"])), None);
    }
}
