#include <electsec/error.hpp>
#include <electsec/search.hpp>

#include "catalog_impl.hpp"
#include "enum_names.hpp"
#include "text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <deque>
#include <unordered_map>
#include <unordered_set>

namespace electsec {

namespace {

constexpr detail::EnumNames<HitKind, 12> kind_names{
    "kind",
    {HitKind::practice, HitKind::goal, HitKind::action, HitKind::paragraph, HitKind::tool, HitKind::safeguard,
     HitKind::glossary, HitKind::acronym, HitKind::recommendation, HitKind::system, HitKind::connectedness,
     HitKind::risk},
    {"practice", "goal", "action", "paragraph", "tool", "safeguard", "glossary", "acronym", "recommendation", "system",
     "connectedness", "risk"}};

bool is_word_char(char c) { return detail::ascii_alnum(c); }

// Words too common to tell documents apart.
const std::unordered_set<std::string_view>& stop_words() {
  static const std::unordered_set<std::string_view> words{
      "a",   "an",   "and",  "are", "as",  "at",  "be",   "by",   "for",   "from", "how",  "in",
      "is",  "it",   "its",  "of",  "on",  "or",  "that", "the",  "their", "this", "to",   "with",
      "you", "your", "what", "all", "any", "can", "do",   "does", "not",   "into", "more", "so"};
  return words;
}

// Lower case, then a light plural rule: "backups" -> "backup", "policies" -> "policy".
std::string normalise(std::string_view word) {
  std::string w(word);
  for (char& c : w) c = detail::ascii_lower(c);
  if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u') w.pop_back();
  return w;
}

struct Token {
  std::string term;
  std::size_t begin;  // byte offsets in the text
  std::size_t end;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_char(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && is_word_char(text[i])) ++i;
    if (i == start) break;
    std::string term = normalise(text.substr(start, i - start));
    if (!stop_words().count(term)) out.push_back({std::move(term), start, i});
  }
  return out;
}

constexpr double title_weight = 3.0;
constexpr double k1 = 1.2;
constexpr double b = 0.75;

}  // namespace

namespace detail {

/// The inverted index of one catalog.
struct SearchIndex {
  struct Doc {
    HitKind kind;
    std::string id, title, practice;
    std::string_view body;  // views into the catalog's data, which outlives the index
    std::string_view heading;
    double length = 0;  // weighted number of words
  };
  struct Posting {
    std::uint32_t doc;
    float tf;  // weighted term frequency
  };
  std::vector<Doc> docs;
  std::unordered_map<std::string, std::vector<Posting>> postings;
  // Documents by their id in the words' normal form ("Backups" and "backup" alike), so a
  // query that is an id is found without a pass over every document.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_id;
  double average_length = 1;

  // `extra`: words that find the document without showing in its snippet (the titles of
  // an action's links).
  void add(HitKind kind, std::string id, std::string title, std::string practice, std::string_view heading,
           std::string_view body, std::string_view extra = {}) {
    const auto doc = static_cast<std::uint32_t>(docs.size());
    std::unordered_map<std::string, float> tf;
    double length = 0;
    for (const auto& t : tokenize(heading)) {
      tf[t.term] += static_cast<float>(title_weight);
      length += title_weight;
    }
    for (const std::string_view text : {body, extra})
      for (const auto& t : tokenize(text)) {
        tf[t.term] += 1.0f;
        length += 1;
      }
    for (const auto& [term, f] : tf) postings[term].push_back({doc, f});
    by_id[normalise(id)].push_back(doc);
    docs.push_back({kind, std::move(id), std::move(title), std::move(practice), body, heading, length});
  }

  explicit SearchIndex(const CatalogData& d) {
    for (const auto& p : d.practices) {
      add(HitKind::practice, p.id, p.title, p.id, p.title, p.summary);
      for (const auto& g : p.goals) add(HitKind::goal, g.id, p.title, p.id, {}, g.text);
      for (const auto& a : p.actions) {
        std::string titles;
        for (const auto& l : a.links) titles += l.title + " ";
        add(HitKind::action, a.id, p.title, p.id, {}, a.text, titles);
      }
      for (std::size_t i = 0; i < p.paragraphs.size(); ++i)
        add(HitKind::paragraph, p.id + ".paragraph." + std::to_string(i + 1), p.title, p.id, {}, p.paragraphs[i].text);
      for (std::size_t i = 0; i < p.tools.size(); ++i)
        add(HitKind::tool, p.id + ".tool." + std::to_string(i + 1), p.tools[i].name, p.id, p.tools[i].name,
            p.tools[i].description);
    }
    for (const auto& s : d.safeguards) add(HitKind::safeguard, s.id, s.title, "", s.title, {});
    for (const auto& g : d.glossary) add(HitKind::glossary, g.term, g.term, "", g.term, g.definition);
    // One document per acronym, with all its expansions.
    for (std::size_t i = 0; i < d.acronyms.size(); ++i) {
      if (i > 0 && d.acronyms[i].term == d.acronyms[i - 1].term) continue;
      std::size_t j = i;
      while (j < d.acronyms.size() && d.acronyms[j].term == d.acronyms[i].term) ++j;
      expansions_.emplace_back();
      for (std::size_t k = i; k < j; ++k) expansions_.back() += (k > i ? "; " : "") + d.acronyms[k].expansion;
    }
    std::size_t e = 0;
    for (std::size_t i = 0; i < d.acronyms.size(); ++i) {
      if (i > 0 && d.acronyms[i].term == d.acronyms[i - 1].term) continue;
      add(HitKind::acronym, d.acronyms[i].term, d.acronyms[i].term, "", d.acronyms[i].term, expansions_[e++]);
    }
    for (const auto& r : d.guidance.recommendations) {
      recommendation_text_.push_back(r.text + " (" + r.audience + ")");
      add(HitKind::recommendation, r.id, r.title, "", r.title, recommendation_text_.back());
    }
    // The primer: a system's document holds what it does, its inputs, outputs and varieties.
    for (const auto& c : d.primer.components) {
      std::string body = c.summary;
      for (const auto* list : {&c.inputs, &c.outputs})
        for (const auto& item : *list) body += " " + item;
      for (const auto& v : c.variants) body += " " + v.name + ": " + v.text;
      primer_text_.push_back(std::move(body));
      add(HitKind::system, c.id, c.title, "", c.title, primer_text_.back());
    }
    for (const auto& k : d.primer.classes) {
      std::string body = k.text;
      for (const auto& e : k.examples) body += " " + e;
      primer_text_.push_back(std::move(body));
      add(HitKind::connectedness, std::string(to_string(k.id)), k.title, "", k.title, primer_text_.back());
    }
    for (const auto& r : d.primer.risks) add(HitKind::risk, r.id, r.title, "", r.title, r.text);
    double total = 0;
    for (const auto& doc : docs) total += doc.length;
    average_length = docs.empty() ? 1 : std::max(1.0, total / static_cast<double>(docs.size()));
  }

 private:
  // Texts made for the index; a deque keeps their addresses stable for the views.
  std::deque<std::string> expansions_;
  std::deque<std::string> recommendation_text_;
  std::deque<std::string> primer_text_;
};

}  // namespace detail

std::string_view to_string(HitKind k) { return kind_names.name(k); }

HitKind parse_hit_kind(std::string_view text) { return kind_names.parse(text); }

namespace {

// About `width` characters of `text` around the first token of `wanted`, cut at spaces.
std::string snippet(std::string_view text, const std::unordered_set<std::string>& wanted, std::size_t width = 140) {
  if (text.empty()) return {};
  std::size_t at = 0;
  for (const auto& t : tokenize(text))
    if (wanted.count(t.term)) {
      at = t.begin;
      break;
    }
  if (text.size() <= width) return std::string(text);
  std::size_t start = at > width / 3 ? at - width / 3 : 0;
  if (start > 0) {
    const auto space = text.find(' ', start);
    start = space == std::string_view::npos || space > at ? start : space + 1;
  }
  std::size_t end = std::min(text.size(), start + width);
  if (end < text.size()) {
    const auto space = text.rfind(' ', end);
    if (space != std::string_view::npos && space > at) end = space;
  }
  return (start > 0 ? "…" : "") + std::string(text.substr(start, end - start)) + (end < text.size() ? "…" : "");
}

}  // namespace

std::vector<SearchHit> search(const Catalog& catalog, std::string_view query, const SearchOptions& options) {
  const auto& impl = detail::CatalogAccess::impl(catalog);
  std::call_once(impl.search_once, [&] { impl.search_index = std::make_shared<const detail::SearchIndex>(impl.data); });
  const detail::SearchIndex& index = *impl.search_index;

  std::unordered_set<std::string> terms;
  for (const auto& t : tokenize(query)) terms.insert(t.term);
  std::vector<double> scores(index.docs.size(), 0.0);
  const double n = static_cast<double>(index.docs.size());
  for (const auto& term : terms) {
    const auto it = index.postings.find(term);
    if (it == index.postings.end()) continue;
    const double df = static_cast<double>(it->second.size());
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    for (const auto& p : it->second) {
      const double tf = p.tf;
      const double norm = k1 * (1 - b + b * index.docs[p.doc].length / index.average_length);
      scores[p.doc] += idf * tf * (k1 + 1) / (tf + norm);
    }
  }
  // A query that is an id ("4.1", "backups", "cap_mayors.4") finds that item first, in any
  // case and number, as words do.
  std::string whole(query);
  whole.erase(0, whole.find_first_not_of(" \t"));
  whole.erase(whole.find_last_not_of(" \t") + 1);
  if (const auto it = index.by_id.find(normalise(whole)); !whole.empty() && it != index.by_id.end()) {
    const double top = *std::max_element(scores.begin(), scores.end());
    for (const std::uint32_t d : it->second) scores[d] = top + 1.0;
  }
  std::vector<std::uint32_t> ranked;
  for (std::uint32_t d = 0; d < scores.size(); ++d)
    if (scores[d] > 0 && (!options.kind || index.docs[d].kind == *options.kind)) ranked.push_back(d);
  const std::size_t keep = std::min(options.limit, ranked.size());
  std::partial_sort(
      ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
      [&](std::uint32_t x, std::uint32_t y) { return scores[x] != scores[y] ? scores[x] > scores[y] : x < y; });
  std::vector<SearchHit> hits;
  for (std::size_t i = 0; i < keep; ++i) {
    const auto& doc = index.docs[ranked[i]];
    hits.push_back({doc.kind, doc.id, doc.title, doc.practice, scores[ranked[i]],
                    snippet(doc.body.empty() ? doc.heading : doc.body, terms)});
  }
  return hits;
}

}  // namespace electsec
