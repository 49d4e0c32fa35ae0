#include <fmt/format.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eds/agreement.h"
#include "eds/grade.h"
#include "eds/grade_outputs.h"
#include "eds/method_text.h"
#include "markdown_util.h"
#include "report_doc.h"
#include "report_text.h"

namespace eds {
namespace {

using markdown::kNothing;
using markdown::Trim;
using report::Block;
using report::Cell;
using report::Document;
using report::Emphasis;
using report::Inline;
using report::Input;
using report::JoinInline;
using report::Strong;
using report::Text;

// Shown for an outcome or domain that has no score.
// Table cells in the Markdown start with a capital: a sum not given reads
// kIncompleteRating, as the rating does.
constexpr char kNotRatedCell[] = "Not rated";
// Between items in one table cell. Plain text rather than <br>: the
// Markdown holds no raw HTML at all, so it renders the same on sites that
// strip HTML.
constexpr char kListSeparator[] = "; ";

constexpr const char* kMonths[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Evidence as a link when IsLiveLink allows; any other address (javascript:,
// data:, a file path, user info, a mailto: with parameters) is shown as
// text, never linked (report::Link).
Inline EvidenceText(const Evidence& evidence) {
  const std::string link(Trim(evidence.link));
  const Inline title =
      Input(Trim(evidence.title).empty() ? link : evidence.title);
  if (link.empty()) return title;
  return report::Link(link, title);
}

// "14 February 2025".
Inline HumanDate(const Date& date) {
  return Text(
      fmt::format("{} {} {:04}", date.day, kMonths[date.month - 1], date.year));
}

// "March 2025" for a month written YYYY-MM; anything else as written.
Inline HumanMonth(std::string_view raw) {
  const std::string_view text = Trim(raw);
  const bool month_form = text.size() == 7 && IsAsciiDigit(text[0]) &&
                          IsAsciiDigit(text[1]) && IsAsciiDigit(text[2]) &&
                          IsAsciiDigit(text[3]) && text[4] == '-' &&
                          IsAsciiDigit(text[5]) && IsAsciiDigit(text[6]);
  if (month_form) {
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    if (month >= 1 && month <= 12) {
      return Text(fmt::format("{} {}", kMonths[month - 1], text.substr(0, 4)));
    }
  }
  return Input(std::string(text));
}

// Input text for a table cell, or kNothing when there is none.
Inline CellText(std::string_view text) {
  return Trim(text).empty() ? Text(kNothing) : Input(std::string(text));
}

// An outcome's score, or "Not rated".
Inline Score(const std::optional<Rational>& score) {
  return Text(score ? score->ToString() : kNotRatedCell);
}

// A service total, domain score or total, or "Incomplete".
Inline Sum(const std::optional<Rational>& score) {
  return Text(score ? score->ToString() : kIncompleteRating);
}

// "2 — Achieving activity", as the national template writes a rating.
Inline RatingText(const std::optional<Rational>& score,
                  const std::string& level) {
  if (!score) return Text(kNotRatedCell);
  if (level.empty()) return Text(score->ToString());
  return Text(score->ToString() + " — ") + Input(level) + Text(" activity");
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

// The report as a format-free document (report_doc.h), rendered as
// Markdown or HTML.
class GradeDocument {
 public:
  explicit GradeDocument(const GradeReport& report)
      : report_(report),
        assessment_(report.assessment),
        result_(report.result) {}

  Document Build() {
    Title();
    Header();
    Ratings();
    for (const DomainResult& domain : result_.domains) DomainSection(domain);
    FlagList();
    PanelAgreement();
    ActionPlan();
    Footer();
    return std::move(doc_);
  }

 private:
  void Title() {
    const std::string& title =
        report_.rubric.title.empty() ? report_.rubric.id : report_.rubric.title;
    doc_.Heading(
        1, Input(title) + Text(" — ") + Input(assessment_.organisation.name));
  }

  // The national template's header, with only the rows the file gives.
  void Header() {
    std::vector<std::vector<Cell>> rows;
    const auto add = [&](const char* label, const Inline& value) {
      if (!value.empty()) rows.push_back({Text(label), value});
    };
    const auto add_text = [&](const char* label, const std::string& value) {
      if (!Trim(value).empty()) add(label, Input(value));
    };
    add_text("Name of organisation", assessment_.organisation.name);
    add_text("Organisation code", assessment_.organisation.code);
    add_text("Organisation Board Sponsor/Lead", assessment_.sponsor);
    add_text("Name of Integrated Care System", assessment_.organisation.system);
    add_text("Reporting year", assessment_.year);
    add_text("EDS lead", assessment_.lead);
    std::vector<Inline> partners;
    for (const std::string& partner : assessment_.partners) {
      partners.push_back(Input(partner));
    }
    add("Partner organisations", JoinInline(partners, kListSeparator));
    std::vector<Inline> dates;
    for (const Date& date : assessment_.engagement) {
      dates.push_back(HumanDate(date));
    }
    add("EDS engagement date(s)", JoinInline(dates, ", "));
    if (assessment_.completed) {
      add("Date completed", HumanDate(*assessment_.completed));
    }
    if (!Trim(assessment_.published).empty()) {
      add("Month and year published", HumanMonth(assessment_.published));
    }
    if (assessment_.authorised) {
      add("Date authorised", HumanDate(*assessment_.authorised));
    }
    if (assessment_.review_due) {
      add("Revision date", HumanDate(*assessment_.review_due));
    }
    std::vector<Inline> reviewers;
    for (const Reviewer& reviewer : assessment_.reviewers) {
      reviewers.push_back(Input(reviewer.name) + Text(" (") +
                          Input(RoleWords(reviewer.role)) + Text(")"));
    }
    add("Third-party reviewers", JoinInline(reviewers, kListSeparator));
    doc_.Table(Text("Organisation details"), {Text("Item"), Text("Details")})
        .rows = std::move(rows);
  }

  void Ratings() {
    doc_.Heading(2, Text("Rating"));
    std::vector<std::vector<Cell>> rows;
    for (const DomainResult& domain : result_.domains) {
      Cell level = domain.score ? CellText(domain.level.Name(report_.rubric))
                                : Text(kNothing);
      if (domain.score) level.level = domain.level.index();
      rows.push_back({DomainLabel(domain), Sum(domain.score),
                      Text(domain.max.ToString()), level});
    }
    const Inline rating = result_.complete
                              ? Input(result_.rating.Name(report_.rubric))
                              : Text(kIncompleteRating);
    rows.push_back({Strong(Text("Total")),
                    result_.complete && result_.total
                        ? Strong(Text(result_.total->ToString()))
                        : Text(kIncompleteRating),
                    Strong(Text(result_.max.ToString())), Strong(rating)});
    doc_.Table(Text("Score and level of each domain, and the total"),
               {Text("Domain"), Text("Score"), Text("out of"), Text("Level")})
        .rows = std::move(rows);
    if (result_.complete && result_.total) {
      doc_.Paragraph(
          Strong(Text("Overall rating: ") + rating) +
          Text(fmt::format(" ({} out of {})", result_.total->ToString(),
                           result_.max.ToString())));
      return;
    }
    doc_.Paragraph(
        Strong(Text(fmt::format("Overall rating: {}.", kIncompleteRating))) +
        Text(" Not yet rated:"));
    std::vector<Inline> missing;
    for (const std::string& line : result_.missing) {
      missing.push_back(Input(line));
    }
    doc_.List(missing);
  }

  void DomainSection(const DomainResult& domain) {
    doc_.Heading(2, DomainLabel(domain));
    if (!domain.services.empty()) ServiceTable(domain);
    std::vector<std::vector<Cell>> rows;
    for (const OutcomeResult& outcome : domain.outcomes) {
      std::vector<Inline> evidence;
      // Each owner once, told apart as the Markdown shows them.
      std::vector<std::string> shown_owners;
      std::vector<Inline> owners;
      for (const LabelledEntry& labelled :
           EntriesFor(assessment_, domain, outcome.id)) {
        const Inline service = labelled.service_name.empty()
                                   ? Inline()
                                   : Input(labelled.service_name) + Text(": ");
        for (const Evidence& item : labelled.entry->evidence) {
          evidence.push_back(service + EvidenceText(item));
        }
        // The national template's "Evidence provided" column is where a
        // panel writes its reasoning, so the notes go there, after the items.
        if (!Trim(labelled.entry->notes).empty()) {
          evidence.push_back(service + Emphasis(Text("Panel's notes:")) +
                             Text(" ") + Input(labelled.entry->notes));
        }
        for (const Action& action : labelled.entry->actions) {
          const std::string shown = markdown::Escape(action.owner);
          if (shown.empty()) continue;
          bool seen = false;
          for (const std::string& known : shown_owners) {
            seen = seen || known == shown;
          }
          if (seen) continue;
          shown_owners.push_back(shown);
          owners.push_back(Input(action.owner));
        }
      }
      Cell rating =
          RatingText(outcome.score, outcome.level.Name(report_.rubric));
      if (outcome.score) rating.level = outcome.level.index();
      rows.push_back({OutcomeLabel(outcome.id, outcome.title),
                      evidence.empty() ? Text(kNothing)
                                       : JoinInline(evidence, kListSeparator),
                      rating,
                      owners.empty() ? Text(kNothing)
                                     : JoinInline(owners, kListSeparator)});
    }
    doc_.Table(DomainLabel(domain) + Text(": evidence, rating and owner"),
               {Text("Outcome"), Text("Evidence"), Text("Rating"),
                Text("Owner (Dept/Lead)")})
        .rows = std::move(rows);
  }

  void ServiceTable(const DomainResult& domain) {
    std::vector<Inline> headers = {Text("Service")};
    for (const OutcomeResult& outcome : domain.outcomes) {
      headers.push_back(Input(outcome.id));
    }
    headers.push_back(Text("Total"));
    Block& table = doc_.Table(
        DomainLabel(domain) + Text(": score of each service"), headers);
    for (const ServiceResult& service : domain.services) {
      std::vector<Cell> cells = {CellText(service.name)};
      for (const OutcomeResult& outcome : domain.outcomes) {
        const auto it = service.outcomes.find(outcome.id);
        cells.push_back(it == service.outcomes.end() ? Text(kNotRatedCell)
                                                     : Score(it->second.score));
      }
      cells.push_back(Sum(service.total));
      table.rows.push_back(cells);
    }
    const std::string method = DomainScoreBrief(assessment_.policy);
    if (domain.score) {
      doc_.Paragraph(Text("Domain score: ") +
                     Strong(Text(domain.score->ToString())) +
                     Text(" (" + method + ")."));
    } else {
      doc_.Paragraph(Text(fmt::format(
          "Domain score: not yet rated ({}, once every service is fully "
          "rated).",
          method)));
    }
  }

  void FlagList() {
    doc_.Heading(2, Text("Flags"));
    if (result_.flags.empty()) {
      doc_.Paragraph(Text("No flags were raised."));
      return;
    }
    std::vector<Inline> items;
    for (const Flag& flag : result_.flags) {
      std::vector<Inline> where;
      if (!flag.outcome.empty()) where.push_back(Input(flag.outcome));
      if (!flag.service.empty()) {
        where.push_back(Text("service ") + Input(flag.service));
      }
      Inline item = Strong(Input(flag.code));
      if (!where.empty())
        item += Text(" (") + JoinInline(where, ", ") + Text(")");
      items.push_back(item + Text(": ") + Input(flag.message));
    }
    doc_.List(items);
  }

  void PanelAgreement() {
    const Agreement& agreement = result_.agreement;
    doc_.Heading(2, Text("Panel agreement"));
    doc_.Table(Text("Panel agreement measures"),
               {Text("Measure"), Text("Value")})
        .rows = {
        {Text("Percent agreement"),
         Text(ShareText(agreement.percent_agreement))},
        {Text("Agreement within one level"),
         Text(ShareText(agreement.within_one_level))},
        {Text("Gwet's AC1"), Text(FigureText(agreement.gwet_ac1))},
        {Text("Gwet's AC2 (quadratic weights)"),
         Text(FigureText(agreement.gwet_ac2))},
        {Input(MetricWords(agreement.metric)),
         Text(FigureText(agreement.alpha))},
    };
    doc_.Paragraph(
        Text(fmt::format("From {} pairable rating{}. {}", agreement.pairable,
                         agreement.pairable == 1 ? "" : "s",
                         AgreementSentence(ReadAgreement(agreement)))));
  }

  void ActionPlan() {
    doc_.Heading(2, Text("Action plan"));
    std::vector<std::vector<Cell>> rows;
    for (const DomainResult& domain : result_.domains) {
      for (const OutcomeResult& outcome : domain.outcomes) {
        for (const LabelledEntry& labelled :
             EntriesFor(assessment_, domain, outcome.id)) {
          const Inline label = labelled.service_name.empty()
                                   ? Input(outcome.id)
                                   : Input(outcome.id) + Text(" (") +
                                         Input(labelled.service_name) +
                                         Text(")");
          for (const Action& action : labelled.entry->actions) {
            rows.push_back(
                {label, CellText(action.action), CellText(action.owner),
                 action.due ? HumanDate(*action.due) : Text(kNothing)});
          }
        }
      }
    }
    if (rows.empty()) {
      doc_.Paragraph(Text("No actions recorded."));
      return;
    }
    doc_.Table(Text("Action plan"),
               {Text("Outcome"), Text("Action"), Text("Owner"), Text("Due")})
        .rows = std::move(rows);
  }

  void Footer() {
    doc_.Rule();
    Inline stamp;
    for (const StampPart& part : GradeReportStamp(report_)) {
      stamp += part.input ? Input(part.text) : Text(part.text);
    }
    doc_.Paragraph(stamp);
  }

  static Inline DomainLabel(const DomainResult& domain) {
    return Text("Domain ") + Input(domain.id) + Text(": ") + Input(domain.name);
  }

  static Inline OutcomeLabel(const std::string& id, const std::string& title) {
    return title.empty() ? Input(id) : Input(id) + Text(": ") + Input(title);
  }

  const GradeReport& report_;
  const Assessment& assessment_;
  const GradeResult& result_;
  Document doc_;
};

}  // namespace

std::string GradeMarkdown(const GradeReport& report) {
  return report::RenderMarkdown(GradeDocument(report).Build());
}

std::string GradeHtml(const GradeReport& report) {
  return report::RenderHtml(GradeDocument(report).Build());
}

}  // namespace eds
