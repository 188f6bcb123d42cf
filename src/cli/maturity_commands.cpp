// maturity (the questionnaire and its rule) and plan.
#include "cli_internal.hpp"

#include <algorithm>
#include <map>

#include <sstream>

namespace electsec::cli {

// ---- maturity ----

MaturityAnswers ask(const Catalog& c, Io& io) {
  MaturityAnswers answers;
  io.out << "For each statement, answer y (it applies to your office), n (it does not) or s (skip).\n";
  for (const auto& s : c.maturity_statements()) {
    while (true) {
      io.out << "\n[" << s.id << "] " << s.text << "\n  applies? (y/n/s): " << std::flush;
      std::string line;
      if (!std::getline(io.in, line)) {
        io.out << "\n(input ended; the remaining statements are skipped)\n";
        return answers;
      }
      const std::string reply = lower_case(line);
      if (reply == "y" || reply == "yes")
        answers[s.id] = true;
      else if (reply == "n" || reply == "no")
        answers[s.id] = false;
      else if (!(reply.empty() || reply == "s" || reply == "skip")) {
        io.out << "  please answer y, n or s";
        continue;
      }
      break;
    }
  }
  return answers;
}

void write_maturity(const MaturityResult& r, Format f, std::ostream& out) {
  if (f == Format::json) {
    out << to_json(r) << '\n';
    return;
  }
  out << "Maturity: " << level_name(r.level) << (r.conflict ? " (answers conflict)" : "")
      << (r.unsure ? " (too few answers: unsure)" : "") << "\n\n"
      << r.rationale << '\n';
}

// Answers from --answers FILE ('-': standard input), else asked on a terminal, else none.
std::optional<MaturityAnswers> answers_option(const Catalog& c, const Args& a, Io& io) {
  if (const auto file = a.option("answers")) {
    if (*file != "-") return load_answers(*file, c);
    std::string text;
    text.assign(std::istreambuf_iterator<char>(io.in), std::istreambuf_iterator<char>());
    if (text.size() > max_input_bytes) throw Error("<stdin>: answers over the size limit");
    return parse_answers(text, c, "<stdin>");
  }
  if (io.interactive) {
    MaturityAnswers answers = ask(c, io);
    io.out << '\n';
    return answers;
  }
  return std::nullopt;
}

void write_level_change(const std::string& file, Maturity from, Maturity to, const std::vector<std::string>& no_longer,
                        std::ostream& out) {
  out << file << ": " << level_name(from) << " -> " << level_name(to) << "; every status kept";
  if (no_longer.empty()) {
    out << '\n';
    return;
  }
  out << "; " << no_longer.size() << " recorded actions no longer apply (kept, and counted again at "
      << level_name(from) << "):\n";
  for (const auto& id : no_longer) out << "  " << id << '\n';
}

void run_maturity(const Command& cmd, const Catalog& c, const Args& a, Format f, Io& io) {
  const auto assessment_file = a.option("assessment");
  if (a.flag("save") && !assessment_file) throw UsageError{"maturity --save needs --assessment FILE"};
  std::optional<Assessment> stored;
  if (assessment_file) stored = load_assessment(*assessment_file, c);  // a bad file is an error even without --save
  const std::optional<MaturityAnswers> given = answers_option(c, a, io);
  if (!given && !stored)
    throw UsageError{
        std::string("maturity needs --answers FILE (or -) when standard input is not a terminal (usage: electsec ") +
        cmd.usage + ")"};
  // Answers given replace the office's answers to the same statements; its others stay.
  const auto merged = [&](MaturityAnswers base) {
    if (given)
      for (const auto& [id, yes] : *given) base[id] = yes;
    return base;
  };
  const MaturityAnswers answers = merged(stored ? stored->answers : MaturityAnswers{});
  if (!a.flag("save")) {
    write_maturity(determine_maturity(c, answers), f, io.out);
    return;
  }
  if (answers.empty())
    throw Error(*assessment_file +
                ": no answers to save (give --answers FILE, or answer the questionnaire on a terminal)");
  Maturity before = Maturity::level1;
  std::optional<MaturityResult> result;
  std::vector<std::string> no_longer;
  update_assessment(*assessment_file, c, [&](Assessment& x) {
    before = x.maturity;
    x.answers = merged(x.answers);
    result = determine_maturity(c, x.answers);
    no_longer = x.set_level(c, result->level);
  });
  write_maturity(*result, f, io.out);
  std::ostream& note = f == Format::json ? io.err : io.out;
  note << (f == Format::json ? "" : "\n") << "saved the answers in ";
  write_level_change(*assessment_file, before, result->level, no_longer, note);
}

// ---- plan ----

void run_plan(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  // Rendered whole, then written to -o FILE (atomically) or to standard output; a file
  // gets whole lines whatever the terminal's width.
  std::ostringstream out;
  if (a.option("output")) terminal_width = 0;
  std::optional<Assessment> assessment;
  if (const auto file = a.option("assessment")) assessment = load_assessment(*file, c);
  Maturity m;
  if (a.option("maturity"))
    m = parse_enum_option(a, "maturity", parse_maturity);
  else if (assessment)
    m = assessment->maturity;
  else
    throw UsageError{"plan needs --maturity N or --assessment FILE"};
  if (a.flag("systems-first") && !assessment)
    throw UsageError{"plan --systems-first needs --assessment FILE (the office's system profile)"};
  PlanOptions options;
  options.systems_first = a.flag("systems-first");
  const Plan plan = assessment ? build_plan(c, m, *assessment, options) : build_plan(c, m);
  // Whose plan: the office's name when there is an assessment.
  const std::string heading = "Plan for " + (assessment ? assessment->jurisdiction.name + " at " + level_name(m)
                                                        : "an office at " + level_name(m));
  // Nothing left: say so, and what comes next.
  const std::string done =
      plan.steps.empty()
          ? "Nothing left at " + level_name(m) + ": every applicable action is done or not applicable." +
                (m == Maturity::level3 ? std::string()
                                       : " Next: electsec plan --maturity " + std::to_string(static_cast<int>(m) + 1) +
                                             (assessment ? " --assessment FILE" : "") + ".")
          : std::string();
  const bool with_guidance = a.flag("with-guidance");
  const auto guidance_of = [&](const PlanStep& s) {
    std::vector<std::string> ids;
    if (s.kind == StepKind::practice)
      for (const Recommendation* r : c.recommendations_of_practice(s.practice)) ids.push_back(r->id);
    return ids;
  };
  if (f == Format::json) {
    if (!with_guidance) {
      out << to_json(plan) << '\n';
      return write_result(a, io, out.str());
    }
    json doc = json::parse(to_json(plan));
    if (with_guidance)
      for (std::size_t i = 0; i < plan.steps.size(); ++i) doc["steps"][i]["guidance"] = guidance_of(plan.steps[i]);
    out << doc.dump(2) << '\n';
    return write_result(a, io, out.str());
  }
  // The office's status and note of an action in the plan (not started when it has none).
  const auto recorded = [&](const std::string& action) -> const ActionStatus* {
    if (!assessment) return nullptr;
    const auto it = assessment->statuses.find(action);
    return it == assessment->statuses.end() ? nullptr : &it->second;
  };
  const auto started = [&](const std::string& action) {
    const ActionStatus* st = recorded(action);
    return st != nullptr && st->status == Status::in_progress;
  };
  if (f == Format::csv) {
    Table t{{"rank", "kind", "id", "practice", "action", "text", "status", "note", "reason"}, {}};
    for (const auto& s : plan.steps)
      for (const auto& action : s.actions) {
        const ActionStatus* st = recorded(action);
        t.rows.push_back({std::to_string(s.rank), std::string(to_string(s.kind)), s.id, s.practice, action,
                          c.action(action).text, std::string(to_string(st ? st->status : Status::not_started)),
                          st ? st->note : std::string(), s.reason});
      }
    write_csv(out, t);
    return write_result(a, io, out.str());
  }
  const auto title = [&](const PlanStep& s) { return step_title(c, s); };
  if (f == Format::markdown) {
    out << "# " << markdown_escape(heading) << "\n";
    if (!done.empty()) out << '\n' << done << '\n';
    // An action several steps fulfil (an inventory serves five Level 1 worksheets) gets one
    // checkbox, under its first step; later steps point back to it.
    std::map<std::string, int> first_step;
    for (const auto& s : plan.steps) {
      out << "\n## " << s.rank << ". " << title(s) << "\n\n*" << s.reason << "*\n\n";
      for (const auto& action : s.actions) {
        const auto [it, first] = first_step.emplace(action, s.rank);
        if (first) {
          const Action& act = c.action(action);
          out << "- [ ] " << act.text << " (`" << action << "`)";
          const ActionStatus* st = recorded(action);
          if (started(action)) out << " — *in progress*";
          if (st != nullptr && !st->note.empty())
            out << (started(action) ? ": " : " — note: ") << markdown_escape(st->note);
          out << '\n';
          if (!act.links.empty()) out << "  - See:" << markdown_links(act.links) << '\n';
        } else
          out << "- Checked under step " << it->second << ": `" << action << "`\n";
      }
      if (with_guidance)
        for (const auto& id : guidance_of(s)) {
          const Recommendation& r = c.recommendation(id);
          std::string label;
          for (const auto& rp : r.practices)
            if (s.kind == StepKind::practice && rp.practice == s.practice) label = provenance_label(rp);
          out << "- Related guidance: " << r.title << " (`" << id << "`)" << label << "\n";
        }
    }
    return write_result(a, io, out.str());
  }
  // With an office's assessment, how many of each step's actions it has started.
  Table t{assessment ? std::vector<std::string>{"#", "Step", "Actions", "In progress", "Why"}
                     : std::vector<std::string>{"#", "Step", "Actions", "Why"},
          {}};
  for (const auto& s : plan.steps) {
    std::vector<std::string> row{std::to_string(s.rank), title(s), std::to_string(s.actions.size())};
    if (assessment) {
      const auto n = std::count_if(s.actions.begin(), s.actions.end(), started);
      row.push_back(n == 0 ? std::string() : std::to_string(n));
    }
    row.push_back(s.reason);
    t.rows.push_back(std::move(row));
  }
  out << printable(heading) << "\n\n";
  if (!done.empty()) out << done << "\n\n";
  write_rows(out, f, t, "steps");
  if (a.flag("with-guidance")) {
    out << "\nRelated guidance\n";
    for (const auto& s : plan.steps)
      if (s.kind == StepKind::practice)
        for (const Recommendation* r : c.recommendations_of_practice(s.practice))
          for (const auto& rp : r->practices)
            if (rp.practice == s.practice)
              out << "  step " << s.rank << ": " << r->id << "  " << r->title << " (" << r->audience << ")"
                  << provenance_label(rp) << "\n";
  }
  write_result(a, io, out.str());
}

}  // namespace electsec::cli
