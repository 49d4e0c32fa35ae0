#include <fmt/format.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eds/agreement.h"
#include "eds/grade.h"
#include "eds/grade_outputs.h"
#include "link_rules.h"
#include "markdown_util.h"
#include "report_text.h"

namespace eds {
namespace {

using markdown::Cell;
using markdown::Escape;
using markdown::kNothing;
using markdown::Row;
using markdown::TableHead;
using markdown::Trim;

// Shown for an outcome or domain that has no score.
// Table cells in the Markdown start with a capital.
constexpr char kNotRatedCell[] = "Not rated";
constexpr char kIncompleteCell[] = "Incomplete";
// Between items in one table cell. Plain text rather than <br>: the output
// holds no raw HTML at all, so it renders the same on sites that strip HTML.
constexpr char kListSeparator[] = "; ";


constexpr const char* kMonths[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// A link destination with every character that could end it, break the
// table or be read as markup percent-encoded.
std::string EncodeUrl(std::string_view url) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : url) {
    const unsigned char byte = static_cast<unsigned char>(c);
    const bool encode =
        byte <= 0x20 || byte == 0x7F ||
        std::string_view("\"<>\\^`{|}()[]").find(c) != std::string_view::npos;
    if (encode) {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Evidence as a link when IsLiveLink allows; any other address (javascript:,
// data:, a file path, user info, a mailto: with parameters) is shown as
// text, never linked.
std::string EvidenceText(const Evidence& evidence) {
  const std::string_view link = Trim(evidence.link);
  const std::string title =
      Escape(Trim(evidence.title).empty() ? link : evidence.title);
  if (link.empty()) return title;
  if (IsLiveLink(link)) {
    return fmt::format("[{}]({})", title, EncodeUrl(link));
  }
  return fmt::format("{} ({})", title, Escape(link));
}

// "14 February 2025" for an ISO date, "March 2025" for a month; anything
// else as written.
std::string HumanDate(std::string_view raw) {
  const std::string_view text = Trim(raw);
  const auto digits = [&](std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i) {
      if (!IsAsciiDigit(text[i])) return false;
    }
    return true;
  };
  const bool month_form =
      text.size() >= 7 && digits(0, 4) && text[4] == '-' && digits(5, 2);
  if (month_form) {
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    const std::string_view year = text.substr(0, 4);
    if (month >= 1 && month <= 12) {
      if (text.size() == 7) {
        return fmt::format("{} {}", kMonths[month - 1], year);
      }
      if (text.size() == 10 && text[7] == '-' && digits(8, 2)) {
        const int day = (text[8] - '0') * 10 + (text[9] - '0');
        return fmt::format("{} {} {}", day, kMonths[month - 1], year);
      }
    }
  }
  return Escape(text);
}

// An outcome's score, or "Not rated".
std::string Score(const std::optional<Rational>& score) {
  return score ? score->ToString() : kNotRatedCell;
}

// A service total, domain score or total, or "Incomplete".
std::string Sum(const std::optional<Rational>& score) {
  return score ? score->ToString() : kIncompleteCell;
}

// "2 — Achieving activity", as the national template writes a rating.
std::string RatingText(const std::optional<Rational>& score,
                       const std::string& level) {
  if (!score) return kNotRatedCell;
  if (level.empty()) return score->ToString();
  return fmt::format("{} — {} activity", score->ToString(), Escape(level));
}

const char* RoundingWords(RoundingPolicy rounding) {
  switch (rounding) {
    case RoundingPolicy::kHalf:
      return ", rounded down to a multiple of 0.5";
    case RoundingPolicy::kDown:
      return ", rounded down to a whole number";
    case RoundingPolicy::kNone:
      return "";
  }
  return "";
}

// The entries that hold an outcome's evidence and actions: the outcome's own
// entry, or, for a domain graded per service, each service's in file order
// (labelled with the service's name).
struct LabelledEntry {
  std::string service_name;  // empty for an outcome rated directly
  const OutcomeEntry* entry;
};

std::vector<LabelledEntry> EntriesFor(const Assessment& assessment,
                                      const DomainResult& domain,
                                      const std::string& outcome_id) {
  std::vector<LabelledEntry> entries;
  if (domain.services.empty()) {
    const auto it = assessment.outcomes.find(outcome_id);
    if (it != assessment.outcomes.end()) entries.push_back({"", &it->second});
    return entries;
  }
  for (const Service& service : assessment.services) {
    const auto it = service.outcomes.find(outcome_id);
    if (it != service.outcomes.end()) {
      entries.push_back({service.name, &it->second});
    }
  }
  return entries;
}

class MarkdownReport {
 public:
  explicit MarkdownReport(const GradeReport& report)
      : report_(report),
        assessment_(report.assessment),
        result_(report.result) {}

  std::string Write() {
    Title();
    Header();
    Ratings();
    for (const DomainResult& domain : result_.domains) DomainSection(domain);
    FlagList();
    PanelAgreement();
    ActionPlan();
    Footer();
    return out_;
  }

 private:
  void Title() {
    const std::string& title =
        report_.rubric.title.empty() ? report_.rubric.id : report_.rubric.title;
    out_ += fmt::format("# {} — {}\n\n", Escape(title),
                        Escape(assessment_.organisation.name));
  }

  // The national template's header, with only the rows the file gives.
  void Header() {
    std::vector<std::vector<std::string>> rows;
    const auto add = [&](const char* label, const std::string& value) {
      if (!value.empty()) rows.push_back({label, value});
    };
    add("Name of organisation", Escape(assessment_.organisation.name));
    add("Organisation code", Escape(assessment_.organisation.code));
    add("Organisation Board Sponsor/Lead", Escape(assessment_.sponsor));
    add("Name of Integrated Care System",
        Escape(assessment_.organisation.system));
    add("Reporting year", Escape(assessment_.year));
    add("EDS lead", Escape(assessment_.lead));
    std::vector<std::string> partners;
    for (const std::string& partner : assessment_.partners) {
      partners.push_back(Escape(partner));
    }
    add("Partner organisations", Join(partners, kListSeparator));
    std::vector<std::string> dates;
    for (const std::string& date : assessment_.engagement) {
      dates.push_back(HumanDate(date));
    }
    add("EDS engagement date(s)", Join(dates, ", "));
    add("Date completed", HumanDate(assessment_.completed));
    add("Month and year published", HumanDate(assessment_.published));
    add("Date authorised", HumanDate(assessment_.authorised));
    add("Revision date", HumanDate(assessment_.review_due));
    std::vector<std::string> reviewers;
    for (const Reviewer& reviewer : assessment_.reviewers) {
      reviewers.push_back(fmt::format("{} ({})", Escape(reviewer.name),
                                      Escape(RoleWords(reviewer.role))));
    }
    add("Third-party reviewers", Join(reviewers, kListSeparator));
    out_ += TableHead({"Item", "Details"});
    for (const std::vector<std::string>& row : rows) out_ += Row(row);
    out_ += "\n";
  }

  void Ratings() {
    out_ += "## Rating\n\n";
    out_ += TableHead({"Domain", "Score", "out of", "Level"});
    for (const DomainResult& domain : result_.domains) {
      out_ +=
          Row({DomainLabel(domain), Sum(domain.score), domain.max.ToString(),
               domain.score ? Cell(domain.level) : kNothing});
    }
    const std::string rating =
        result_.complete ? Escape(result_.rating) : "Incomplete";
    out_ += Row({"**Total**",
                 result_.complete && result_.total
                     ? "**" + result_.total->ToString() + "**"
                     : kIncompleteCell,
                 "**" + result_.max.ToString() + "**", "**" + rating + "**"});
    out_ += "\n";
    if (result_.complete && result_.total) {
      out_ += fmt::format("**Overall rating: {}** ({} out of {})\n\n", rating,
                          result_.total->ToString(), result_.max.ToString());
      return;
    }
    out_ += "**Overall rating: Incomplete.** Not yet rated:\n\n";
    for (const std::string& line : result_.missing) {
      out_ += "- " + Escape(line) + "\n";
    }
    out_ += "\n";
  }

  void DomainSection(const DomainResult& domain) {
    out_ += "## " + DomainLabel(domain) + "\n\n";
    if (!domain.services.empty()) ServiceTable(domain);
    out_ += TableHead({"Outcome", "Evidence", "Rating", "Owner (Dept/Lead)"});
    for (const OutcomeResult& outcome : domain.outcomes) {
      std::vector<std::string> evidence, owners;
      for (const LabelledEntry& labelled :
           EntriesFor(assessment_, domain, outcome.id)) {
        const std::string service =
            labelled.service_name.empty()
                ? ""
                : Escape(labelled.service_name) + ": ";
        for (const Evidence& item : labelled.entry->evidence) {
          evidence.push_back(service + EvidenceText(item));
        }
        // The national template's "Evidence provided" column is where a
        // panel writes its reasoning, so the notes go there, after the items.
        const std::string notes = Escape(labelled.entry->notes);
        if (!notes.empty()) {
          evidence.push_back(service + "*Panel's notes:* " + notes);
        }
        for (const Action& action : labelled.entry->actions) {
          const std::string owner = Escape(action.owner);
          if (owner.empty()) continue;
          bool seen = false;
          for (const std::string& known : owners) seen = seen || known == owner;
          if (!seen) owners.push_back(owner);
        }
      }
      out_ += Row({OutcomeLabel(outcome.id, outcome.title),
                   evidence.empty() ? kNothing : Join(evidence, kListSeparator),
                   RatingText(outcome.score, outcome.level),
                   owners.empty() ? kNothing : Join(owners, kListSeparator)});
    }
    out_ += "\n";
  }

  void ServiceTable(const DomainResult& domain) {
    std::vector<std::string> headers = {"Service"};
    for (const OutcomeResult& outcome : domain.outcomes) {
      headers.push_back(Escape(outcome.id));
    }
    headers.push_back("Total");
    out_ += TableHead(headers);
    for (const ServiceResult& service : domain.services) {
      std::vector<std::string> cells = {Cell(service.name)};
      for (const OutcomeResult& outcome : domain.outcomes) {
        const auto it = service.outcomes.find(outcome.id);
        cells.push_back(it == service.outcomes.end() ? kNotRatedCell
                                                     : Score(it->second.score));
      }
      cells.push_back(Sum(service.total));
      out_ += Row(cells);
    }
    out_ += "\n";
    const Policy& policy = assessment_.policy;
    const std::string method = fmt::format("the {} of the service totals{}",
                                           PolicyWord(policy.services),
                                           RoundingWords(policy.rounding));
    if (domain.score) {
      out_ += fmt::format("Domain score: **{}** ({}).\n\n",
                          domain.score->ToString(), method);
    } else {
      out_ += fmt::format(
          "Domain score: not yet rated ({}, once every service is fully "
          "rated).\n\n",
          method);
    }
  }

  void FlagList() {
    out_ += "## Flags\n\n";
    if (result_.flags.empty()) {
      out_ += "No flags were raised.\n\n";
      return;
    }
    for (const Flag& flag : result_.flags) {
      std::vector<std::string> where;
      if (!flag.outcome.empty()) where.push_back(Escape(flag.outcome));
      if (!flag.service.empty()) {
        where.push_back("service " + Escape(flag.service));
      }
      out_ += fmt::format("- **{}**{}: {}\n", Escape(flag.code),
                          where.empty() ? "" : " (" + Join(where, ", ") + ")",
                          Escape(flag.message));
    }
    out_ += "\n";
  }

  void PanelAgreement() {
    const Agreement& agreement = result_.agreement;
    out_ += "## Panel agreement\n\n";
    out_ += TableHead({"Measure", "Value"});
    out_ += Row({"Percent agreement", ShareText(agreement.percent_agreement)});
    out_ += Row({"Agreement within one level",
                 ShareText(agreement.within_one_level)});
    out_ += Row({"Gwet's AC1", FigureText(agreement.gwet_ac1)});
    out_ += Row({"Gwet's AC2 (quadratic weights)",
                 FigureText(agreement.gwet_ac2)});
    out_ += Row({Escape(MetricWords(agreement.metric)),
                 FigureText(agreement.alpha)});
    out_ += fmt::format("\nFrom {} pairable rating{}. {}\n\n",
                        agreement.pairable, agreement.pairable == 1 ? "" : "s",
                        AgreementSentence(ReadAgreement(agreement)));
  }

  void ActionPlan() {
    out_ += "## Action plan\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const DomainResult& domain : result_.domains) {
      for (const OutcomeResult& outcome : domain.outcomes) {
        for (const LabelledEntry& labelled :
             EntriesFor(assessment_, domain, outcome.id)) {
          const std::string label =
              labelled.service_name.empty()
                  ? Escape(outcome.id)
                  : fmt::format("{} ({})", Escape(outcome.id),
                                Escape(labelled.service_name));
          for (const Action& action : labelled.entry->actions) {
            rows.push_back(
                {label, Cell(action.action), Cell(action.owner),
                 action.due.empty() ? kNothing : HumanDate(action.due)});
          }
        }
      }
    }
    if (rows.empty()) {
      out_ += "No actions recorded.\n\n";
      return;
    }
    out_ += TableHead({"Outcome", "Action", "Owner", "Due"});
    for (const std::vector<std::string>& row : rows) out_ += Row(row);
    out_ += "\n";
  }

  void Footer() {
    out_ += fmt::format("---\n\nMade by eds3 {} with rubric {} {}; policy: {}.\n",
                        Escape(report_.tool_version), Escape(report_.rubric.id),
                        Escape(report_.rubric.version),
                        PolicySummary(assessment_.policy));
  }

  static std::string DomainLabel(const DomainResult& domain) {
    return fmt::format("Domain {}: {}", Escape(domain.id), Escape(domain.name));
  }

  static std::string OutcomeLabel(const std::string& id,
                                  const std::string& title) {
    return title.empty() ? Escape(id)
                         : fmt::format("{}: {}", Escape(id), Escape(title));
  }

  const GradeReport& report_;
  const Assessment& assessment_;
  const GradeResult& result_;
  std::string out_;
};

}  // namespace

std::string GradeMarkdown(const GradeReport& report) {
  return MarkdownReport(report).Write();
}

}  // namespace eds
