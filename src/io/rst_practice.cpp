// One best-practice page: title, goals, actions by level block and group, tools, links,
// Safeguard mappings and Handbook numbers.
#include "embedded_catalog.hpp"

#include "rst_blocks.hpp"
#include "rst_internal.hpp"

#include "file.hpp"

namespace electsec::detail::rst {

namespace {

struct PracticeReader {
  const Document& doc;
  std::vector<ImportWarning>& warnings;
  std::string stem;

  void warn(std::size_t line, std::string message, ImportWarningKind kind) {
    warnings.push_back({doc.source(), line, std::move(message), kind});
  }

  // The first heading titled `name`, in any case. Compared a character at a time: the
  // title is not copied to lower case for each heading tried.
  const Heading* section(const char* name) const {
    const std::string wanted = detail::lower_case(name);
    return doc.heading_where([&](const std::string& t) {
      if (t.size() != wanted.size()) return false;
      for (std::size_t i = 0; i < t.size(); ++i)
        if (detail::ascii_lower(t[i]) != wanted[i]) return false;
      return true;
    });
  }

  Practice read() {
    Practice p;
    p.id = stem;
    p.title = trim(doc.substitution("bp_title"));
    if (p.title.empty() || p.title.find('|') != std::string::npos) {
      // Releases that did not define |bp_title| give the title as the page's first heading.
      const Heading* first = doc.headings().empty() ? nullptr : &doc.headings().front();
      if (first == nullptr || first->plain.empty() || first->plain.find('|') != std::string::npos)
        doc.fail(0, "no |bp_title| substitution and no heading: a best-practice file must name its title");
      p.title = first->plain;
      warn(first->line + 1, "no |bp_title| substitution: the title is the first heading's",
           ImportWarningKind::inferred);
    }
    p.order = 1;
    p.scopes = {Scope::in_scope, Scope::in_scope, Scope::in_scope};
    const Heading* title = doc.headings().empty() ? nullptr : &doc.headings().front();
    const Heading* goals = section("Goals");
    if (title != nullptr) {
      const std::size_t end = goals != nullptr ? goals->line : doc.lines().size();
      p.summary = first_paragraph(doc, title->line + 2, end);
      p.links = links_between(title->line + 2, end);
    }
    if (goals != nullptr)
      read_goals(*goals, p);
    else
      warn(0, "no Goals section", ImportWarningKind::missing);
    if (const Heading* actions = section("Actions"))
      read_actions(*actions, p);
    else
      warn(0, "no Actions section", ImportWarningKind::missing);
    if (const Heading* tools = section("Cost-Effective Tools")) read_tools(*tools, p);
    if (const Heading* more = section("Learn More")) read_learn_more(*more, p);
    if (const Heading* mapping = section("Mapping to CIS Controls and Safeguards"))
      read_mappings(*mapping, p);
    else
      warn(0, "no Mapping to CIS Controls and Safeguards section", ImportWarningKind::missing);
    if (const Heading* handbook = section("Mapping to CIS Handbook Best Practices")) read_handbook(*handbook, p);
    return p;
  }

  // The links of lines [begin, end), in order, as the guide gives them.
  std::vector<electsec::Link> links_between(std::size_t begin, std::size_t end) const {
    std::string text;
    for (std::size_t i = begin; i < end && i < doc.lines().size(); ++i) {
      text += doc.lines()[i];
      text += '\n';
    }
    return links_of(text);
  }

  std::vector<electsec::Link> links_of(const std::string& raw) const {
    std::vector<electsec::Link> out;
    plain_with_links(doc, raw, out);
    return out;
  }

  void read_goals(const Heading& h, Practice& p) {
    const auto [begin, end] = doc.body(h);
    for (auto& item : list_items(doc, begin, end, true)) {
      std::string raw = item.raw;
      const auto tag = trailing_tag(raw);
      std::vector<electsec::Link> links;  // the text and its links in one pass
      std::string text = plain_with_links(doc, raw, links);
      if (text.empty()) {
        warn(item.line + 1, "an empty goal is left out", ImportWarningKind::unreadable);
        continue;
      }
      p.goals.push_back({p.id + ".goal." + std::to_string(p.goals.size() + 1), std::move(text), tag, std::move(links)});
    }
  }

  // The guide's stock sentences that only introduce a block: not content of their own.
  static bool lead_in(const std::string& text) {
    const std::string t = detail::lower_case(text);
    return (t.rfind("for ", 0) == 0 && t.find("the necessary actions") != std::string::npos) ||
           t.find("should take additional actions") != std::string::npos || t.rfind("there are no actions for", 0) == 0;
  }

  void add_actions(std::size_t begin, std::size_t end, const std::string& block, const std::vector<Maturity>& levels,
                   const std::optional<std::string>& group, Practice& p) {
    std::vector<std::string> ids;
    // Numbers run on within a block and group, also when a release names the same group
    // twice or puts actions both before and under a heading that names no level.
    const std::string prefix = p.id + "." + block + (group ? "." + detail::kebab_case(*group) : "") + ".";
    std::size_t n = 0;
    for (const auto& a : p.actions)
      if (a.id.rfind(prefix, 0) == 0 && a.id.find('.', prefix.size()) == std::string::npos) ++n;
    for (const auto& item : list_items(doc, begin, end, true)) {
      std::vector<electsec::Link> links;  // the text and its links in one pass
      std::string text = plain_with_links(doc, item.raw, links);
      if (text.empty()) {
        warn(item.line + 1, "an empty action is left out", ImportWarningKind::unreadable);
        ids.push_back(ids.empty() ? std::string() : ids.back());  // a paragraph after it follows the one before
        continue;
      }
      std::string id = prefix + std::to_string(++n);
      ids.push_back(id);
      p.actions.push_back({std::move(id), levels, group, std::move(text), std::move(links)});
    }
    // Paragraphs among the actions are kept as they stand: which of them oblige is for the
    // catalog's editors to say, so they come in as context.
    for (const auto& prose : prose_outside_items(doc, begin, end)) {
      if (prose.table) {
        warn(prose.line + 1, "a table among the actions is left out: a paragraph cannot hold it",
             ImportWarningKind::unreadable);
        continue;
      }
      if (trim(prose.raw).empty()) continue;
      const std::size_t before = std::min(prose.items_before, ids.size());
      Paragraph para{block, group, before == 0 ? "" : ids[before - 1], ParagraphKind::context, "", {}};
      para.text = plain_with_links(doc, prose.raw, para.links);
      if (!lead_in(para.text)) p.paragraphs.push_back(std::move(para));
    }
  }

  void read_actions(const Heading& actions, Practice& p) {
    const auto [begin, end] = doc.body(actions);
    const auto subs = doc.inside(actions);
    const std::vector<Maturity> all{Maturity::level1, Maturity::level2, Maturity::level3};
    if (subs.empty()) {
      add_actions(begin, end, "all", all, std::nullopt, p);
      return;
    }
    // Headings that name levels split the actions into blocks; headings below them that
    // do not are groups within a block.
    const int block_level = subs.front()->level;
    std::vector<Maturity> levels = all;
    std::string block = "all";
    std::optional<std::string> group;
    if (!list_items(doc, begin, subs.front()->line, true).empty())
      warn(subs.front()->line, "actions before the first maturity heading are read as applying to all levels",
           ImportWarningKind::inferred);
    add_actions(begin, subs.front()->line, "all", all, std::nullopt, p);
    for (std::size_t i = 0; i < subs.size(); ++i) {
      const Heading& h = *subs[i];
      const std::size_t stop = i + 1 < subs.size() ? subs[i + 1]->line : end;
      if (h.level == block_level) {
        levels = heading_levels(doc, h);
        if (levels.empty()) {
          warn(h.line + 1,
               "heading '" + doc.plain(h.raw) + "' names no maturity level; its actions apply to all levels",
               ImportWarningKind::inferred);
          levels = all;
        }
        block = block_name(levels);
        group.reset();
      } else {
        group = doc.plain(h.raw);
      }
      add_actions(h.line + 2, stop, block, levels, group, p);
    }
  }

  void read_tools(const Heading& h, Practice& p) {
    const auto [begin, end] = doc.body(h);
    for (const auto& item : list_items(doc, begin, end, false)) {
      std::vector<Link> links;
      const std::string text = doc.plain(item.raw, &links);
      if (!links.empty()) {
        for (const auto& l : links) p.tools.push_back({l.text, l.url, text});
        continue;
      }
      // A tool the guide names without a link: named by its lead phrase.
      std::string name = text.substr(0, std::min(text.find_first_of(":."), text.size()));
      if (name.size() > 80) {  // cut at a character's start, never inside one
        std::size_t cut = 80;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
        name.resize(cut);
      }
      p.tools.push_back({trim(name), first_email_link(doc, item.raw), text});
    }
  }

  void read_learn_more(const Heading& h, Practice& p) {
    const auto [begin, end] = doc.body(h);
    for (const auto& item : list_items(doc, begin, end, false)) {
      std::vector<Link> links;
      const std::string text = doc.plain(item.raw, &links);
      for (const auto& l : links) p.learn_more.push_back({l.text, l.url});
      if (links.empty()) {
        const std::string mail = first_email_link(doc, item.raw);
        if (mail.empty())
          warn(item.line + 1, "a Learn More item without a link or address is left out", ImportWarningKind::unreadable);
        else
          p.learn_more.push_back({text, mail});
      }
    }
  }

  void read_mappings(const Heading& h, Practice& p) {
    const auto [begin, end] = doc.body(h);
    for (auto& item : list_items(doc, begin, end, false)) {
      std::string id, rest;
      // Prose such as "There are no relevant CIS Controls." is not a mapping.
      if (!detail::safeguard_item(trim(item.raw), id, rest)) continue;
      const auto tag = trailing_tag(rest);
      if (!detail::embedded_safeguard(id)) {
        warn(item.line + 1, "Safeguard " + id + " is not a CIS Controls v8 Safeguard; left out",
             ImportWarningKind::unresolved);
        continue;
      }
      const auto same = std::find_if(p.safeguards.begin(), p.safeguards.end(),
                                     [&](const SafeguardMapping& s) { return s.safeguard == id; });
      if (same != p.safeguards.end()) {
        warn(item.line + 1, "Safeguard " + id + " is listed twice; the first listing is kept",
             ImportWarningKind::duplicate);
        continue;
      }
      p.safeguards.push_back({id, tag});
    }
  }

  void read_handbook(const Heading& h, Practice& p) {
    const auto [begin, end] = doc.body(h);
    for (const auto& item : list_items(doc, begin, end, false))
      for (const std::string_view digits : detail::digit_runs(item.raw)) {
        const auto n = small_int(digits);
        if (!n) {
          warn(item.line + 1, "Handbook number '" + std::string(digits) + "' is out of range; left out",
               ImportWarningKind::unreadable);
          continue;
        }
        if (std::find(p.handbook.begin(), p.handbook.end(), *n) == p.handbook.end()) p.handbook.push_back(*n);
      }
  }
};

}  // namespace

Practice read_practice(const Document& doc, std::vector<ImportWarning>& warnings, const std::string& stem) {
  PracticeReader reader{doc, warnings, stem};
  return reader.read();
}

}  // namespace electsec::detail::rst

namespace electsec {

Practice detail::import_practice_text(const std::string& text, const std::string& source, const ImportOptions& options,
                                      std::vector<ImportWarning>& warnings) {
  const rst::Document doc(source, text, options);
  return rst::read_practice(doc, warnings, rst::fs::path(source).stem().string());
}

Practice import_practice_rst(const std::string& path, const ImportOptions& options,
                             std::vector<ImportWarning>& warnings) {
  return detail::import_practice_text(detail::read_file(path), path, options, warnings);
}

Practice import_practice_rst(const std::string& path, const ImportOptions& options) {
  std::vector<ImportWarning> ignored;
  return import_practice_rst(path, options, ignored);
}

}  // namespace electsec
