// eds3-bench-generate: writes a fictional national set of EDS 2022
// assessments for the benchmark (bench/run.sh): organisations spread over up
// to 42 integrated care systems, one integrated care board in each, every
// organisation assessed once a year, laid out as
// OUT/<system>/<code>-<place>/<YYYY-YY>.yaml.
//
//   eds3-bench-generate OUT [--organisations N] [--years N] [--seed N]
//                           [--plain]
//
// Deterministic: its own pseudo-random numbers (SplitMix64) and integer
// arithmetic only, no clock, no locale, so the same arguments always write
// the same bytes on any machine. Every file is a valid assessment; about one
// in twenty leaves an outcome unrated and grades Incomplete.
//
// The files are written in every style people write YAML in, mixed as they
// mix them (see Style): quoted strings with escapes, block scalars, flow
// collections, comments at line ends, a leading `---`, CRLF line ends, level
// names in any case, sequences indented or not. The style is drawn from its
// own random numbers, so the data (panels, ratings, dates) are the same as
// in the plain style that `--plain` writes.

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr int kSystems = 42;
constexpr int kLatestYear = 2025;  // the last year written is 2025/26

// SplitMix64: small, fast and defined bit for bit by its algorithm, unlike
// the standard library's distributions.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // A whole number in [0, n); n > 0.
  int Below(int n) {
    return static_cast<int>(Next() % static_cast<std::uint64_t>(n));
  }
  // A whole number in [low, high].
  int Between(int low, int high) { return low + Below(high - low + 1); }
  // True one time in n.
  bool OneIn(int n) { return Below(n) == 0; }

 private:
  std::uint64_t state_;
};

const std::vector<std::string> kPlaceStarts = {
    "Ash",  "Brack", "Cald",  "Dun",   "East",   "Fen",    "Grey",  "Hollin",
    "Ivel", "Kestr", "Lang",  "Marsh", "Nether", "Oak",    "Penn",  "Queens",
    "Rill", "Salt",  "Thorn", "Upper", "Wex",    "Yarrow", "Brook", "Harrow",
    "Mill", "Stone", "West",  "Carr",  "Elm",    "Fox",    "Glen",  "Haver",
    "Kirk", "Low",   "Alder", "Bram",  "Clay",   "Dray",   "Ever",  "Frome",
    "Gold", "High",  "Ing",   "Lark",  "Moss",   "North",  "Ox",    "Red"};
const std::vector<std::string> kPlaceEnds = {
    "bourne", "field", "brook", "mere",  "wold", "haven", "ford", "bury",
    "vale",   "don",   "by",    "hurst", "wick", "mouth", "dale", "combe",
    "well",   "stead", "leigh", "holme", "ton",  "ham",   "ley",  "worth"};

struct OrgType {
  std::string suffix;  // after the place name
  std::vector<std::string> services;
};

// Index 0 is the integrated care board; the others are trusts.
const std::vector<OrgType> kTypes = {
    {"Integrated Care Board",
     {"Commissioned primary care access", "Continuing healthcare",
      "Commissioned maternity pathway",
      "Learning disability annual health checks",
      "Commissioned community diabetes service"}},
    {"Teaching Hospitals NHS Foundation Trust",
     {"Emergency department", "Maternity services", "Outpatient ophthalmology",
      "Cancer services", "Children and young people services"}},
    {"General Hospital NHS Trust",
     {"Emergency department", "Maternity services", "Elective orthopaedics",
      "Stroke services", "Outpatient audiology"}},
    {"Community Health Services NHS Trust",
     {"District nursing", "Community children services", "Podiatry",
      "Sexual health clinics", "Community dental services"}},
    {"Mental Health and Wellbeing NHS Foundation Trust",
     {"Adult community mental health teams", "Inpatient mental health wards",
      "NHS Talking Therapies", "Perinatal mental health",
      "Child and adolescent mental health services"}},
    {"Ambulance Service NHS Trust",
     {"999 emergency response", "NHS 111", "Patient transport service",
      "Clinical assessment service"}}};

struct Stakeholder {
  std::string id;
  std::string name;  // '@' stands for the place
  std::string group;
};

const std::vector<Stakeholder> kPool = {
    {"patients-forum", "Patient and public involvement forum", "patients"},
    {"healthwatch", "Healthwatch @", "public"},
    {"race-network", "Race Equality Network chair", "staff"},
    {"unison", "UNISON branch secretary", "trade-union"},
    {"disability-network", "Disability and Neurodiversity Network chair",
     "staff"},
    {"lgbt-network", "LGBTQ+ Network chair", "staff"},
    {"womens-network", "Women's Network chair", "staff"},
    {"rcn", "Royal College of Nursing steward", "trade-union"},
    {"deaf-forum", "@ Deaf Community Forum", "community"},
    {"vcse-alliance", "@ Voluntary and Community Sector Alliance", "community"},
    {"faith-forum", "@ Interfaith Forum", "community"},
    {"carers-centre", "@ Carers Centre", "community"},
    {"peer-lead", "Equality lead from a neighbouring trust", "peer"},
    {"ned", "Non-executive director for equality", "board"}};

struct OutcomeText {
  std::string id;
  std::vector<std::string> evidence;
  std::string action;
  std::string owner;
  std::string note;
};

const std::vector<OutcomeText> kOutcomes = {
    {"1A",
     {"Waiting times by ethnicity and deprivation decile",
      "Did-not-attend rates by interpreter need"},
     "Offer text and video relay booking for Deaf patients",
     "Head of Patient Access",
     "Access is equal across deprivation deciles; interpreter bookings lag."},
    {"1B",
     {"Care plan audit by protected characteristic",
      "Reasonable adjustment flag audit"},
     "Record interpreting and reasonable-adjustment needs in every care plan",
     "Chief Nurse",
     "Care plans rarely record communication needs."},
    {"1C",
     {"Patient safety incidents by protected characteristic",
      "Serious incident reviews, equality themes"},
     "Report incidents by ethnicity and disability to the quality committee",
     "Head of Patient Safety",
     "Incident data is not yet split by protected characteristic."},
    {"1D",
     {"Friends and Family Test results by protected characteristic",
      "Complaints themes by ethnicity and age"},
     "Run listening events with the three least-heard communities",
     "Head of Patient Experience",
     "Feedback from minority communities is thin."},
    {"2A",
     {"Occupational health referrals for long-term conditions",
      "Staff survey, organisation takes positive action on health and "
      "well-being"},
     "Extend menopause and long-term condition support to night staff",
     "Head of Occupational Health",
     "A good offer by day; night staff struggle to reach it."},
    {"2B",
     {"Staff survey results on harassment, bullying or abuse by ethnicity",
      "WRES indicator 5, harassment from patients and the public"},
     "Roll out the zero-tolerance policy on racist abuse from patients",
     "Director of People",
     "The race network says abuse from patients is under-reported."},
    {"2C",
     {"Freedom to Speak Up guardian annual report",
      "Employee assistance programme uptake by staff group"},
     "Recruit Freedom to Speak Up champions from each staff network",
     "Freedom to Speak Up Guardian",
     "Staff know where to go; bank staff less so."},
    {"2D",
     {"Staff survey results on recommending the organisation",
      "Exit interview themes by protected characteristic"},
     "Act on the staff survey results in the three lowest-scoring teams",
     "Director of People",
     "Recommendation scores differ widely between teams."},
    {"3A",
     {"Board development session on health inequalities",
      "Executive sponsors for each staff network"},
     "Give every board member an equality objective",
     "Chair",
     "Board members attend network events; objectives are not yet set."},
    {"3B",
     {"Audit of equality impact assessments in board papers",
      "Board minutes, equality discussion log"},
     "Require an equality impact section in every board paper",
     "Company Secretary",
     "Half of board papers carry an equality impact section."},
    {"3C",
     {"WRES and WDES action plan progress report",
      "Executive appraisal objectives include WRES and WDES targets"},
     "Add WRES and WDES measures to the board performance report",
     "Director of Strategy",
     "Measures exist but are not reported to the board."}};

std::string Slug(const std::string& text) {
  std::string slug;
  for (char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      slug += static_cast<char>(c - 'A' + 'a');
    } else if (alnum) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string Replace(std::string text, const std::string& place) {
  const std::size_t at = text.find('@');
  if (at != std::string::npos) text.replace(at, 1, place);
  return text;
}

std::string TwoDigits(int n) {
  return std::string(1, static_cast<char>('0' + n / 10)) +
         static_cast<char>('0' + n % 10);
}

std::string Date(int year, int month, int day) {
  return std::to_string(year) + "-" + TwoDigits(month) + "-" + TwoDigits(day);
}

// a / b rounded down, for any sign of a; b > 0.
int FloorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

int Clamp(int points) { return points < 0 ? 0 : (points > 3 ? 3 : points); }

struct Member {
  const Stakeholder* who;
  std::string name;
  int bias;  // hundredths of a point
};

struct Organisation {
  std::string name;
  std::string place;
  std::string code;
  int system = 0;
  int type = 0;
  std::vector<Member> panel;
  int quality = 0;  // hundredths of a point, the first year
  int step = 0;     // hundredths of a point a year
  int service_start = 0;
  std::vector<int> offset;  // per outcome, hundredths of a point
  std::string raters = "median";
  std::string services_policy = "median";
  std::string rounding = "half";
};

// Whether a stakeholder of this group rates outcomes of this domain.
bool Rates(const std::string& group, char domain, Random& random) {
  if (domain == '1') {
    return group == "patients" || group == "public" || group == "community" ||
           group == "peer" || (group == "staff" && random.OneIn(3));
  }
  if (domain == '2') {
    return group == "staff" || group == "trade-union" || group == "peer" ||
           group == "board" || random.OneIn(5);
  }
  return group != "public" || random.OneIn(2);
}

const char* const kLevelNames[] = {"Undeveloped", "Developing", "Achieving",
                                   "Excelling"};

// Remarks that panels quote in their notes: quotation marks, apostrophes and
// letters beyond ASCII, which plain YAML cannot always hold.
const char* const kRemarks[] = {
    "Zo\xC3\xAB's story: \"nobody asked\" (patient panel).",
    "One member said: \"we booked the interpreter ourselves\".",
    "See the 'you said, we did' board.",
    "The network's view: progress is real but slow.",
    "Caf\xC3\xA9 conversations, #listening week."};

// How one file is written. People mix styles: most files quote some
// strings, a few use block scalars for long notes, some come from Windows.
struct Style {
  bool plain = true;  // the one style of --plain: nothing below
  bool crlf = false;
  bool document_start = false;
  int quoting = 0;  // of every 4 strings that may be plain, how many quoted
  bool block_notes = false;
  bool flat_sequences = false;  // "- " in its key's column
  bool comments = false;
  bool flow_items = false;  // stakeholders and actions as {...}
};

Style DrawStyle(Random& random) {
  Style style;
  style.plain = false;
  style.crlf = random.OneIn(8);
  style.document_start = random.OneIn(3);
  const int quoting = random.Below(10);
  style.quoting = quoting < 2 ? 0 : (quoting < 8 ? 1 : 3);
  style.block_notes = random.OneIn(4);
  style.flat_sequences = random.OneIn(4);
  style.comments = !random.OneIn(3);
  style.flow_items = random.OneIn(5);
  return style;
}

bool IsIndicator(char c) {
  return std::string("-?:,[]{}#&*!|>'\"%@`").find(c) != std::string::npos;
}

// Whether `text` must be quoted to be read back as the same string.
bool NeedsQuotes(const std::string& text, bool flow) {
  if (text.empty() || IsIndicator(text[0]) || text.back() == ' ' ||
      text.back() == ':' || text.find(": ") != std::string::npos ||
      text.find(" #") != std::string::npos) {
    return true;
  }
  return flow && text.find_first_of(",[]{}") != std::string::npos;
}

std::string SingleQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string DoubleQuoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// `text` cut at spaces into lines of at most `width` bytes.
std::vector<std::string> Wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines(1);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!lines.back().empty() &&
        lines.back().size() + 1 + word.size() > width) {
      lines.emplace_back();
    }
    if (!lines.back().empty()) lines.back() += ' ';
    lines.back() += word;
    start = end + 1;
  }
  return lines;
}

class Writer {
 public:
  Writer(const Organisation& organisation,
         const std::vector<std::string>& systems, int year, Random& random,
         const Style& style, Random& style_random)
      : org_(organisation),
        systems_(systems),
        year_(year),
        random_(random),
        style_(style),
        style_random_(style_random) {}

  std::string Assessment(int quality, int incomplete_at) {
    Header();
    Comment("# The panel");
    out_ += "stakeholders:\n";
    const std::string dash = Dash("");
    const std::string field = dash + "  ";
    for (const Member& member : org_.panel) {
      if (style_.flow_items) {
        out_ += dash + "- {id: " + member.who->id +
                ", name: " + Text(member.name, true) +
                ", group: " + member.who->group + "}\n";
      } else {
        out_ += dash + "- id: " + member.who->id + "\n" + field +
                "name: " + Text(member.name) + "\n" + field +
                "group: " + member.who->group + "\n";
      }
    }
    const std::vector<std::string>& pool = kTypes[org_.type].services;
    Comment("# Domain 1: commissioned or provided services");
    out_ += "services:\n";
    int item = 0;
    for (int s = 0; s < 3; ++s) {
      const std::string& service =
          pool[static_cast<std::size_t>(s + year_ + org_.service_start) %
               pool.size()];
      out_ += dash + "- id: " + Slug(service) + "\n" + field +
              "name: " + Text(service) + "\n" + field + "outcomes:\n";
      for (int o = 0; o < 4; ++o, ++item) {
        Outcome(field + "  ", o, quality + (s - 1) * 20, " (" + service + ")",
                item == incomplete_at);
      }
    }
    Comment("# Domains 2 and 3");
    out_ += "outcomes:\n";
    for (int o = 4; o < static_cast<int>(kOutcomes.size()); ++o, ++item) {
      Outcome("  ", o, quality, "", item == incomplete_at);
    }
    if (!style_.crlf) return out_;
    std::string crlf;
    for (char c : out_) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    return crlf;
  }

 private:
  // `text` as a scalar in this file's style: plain where it can be, else or
  // now and then in single or double quotes. `flow`: inside {...} or [...].
  std::string Text(const std::string& text, bool flow = false) {
    const bool must = NeedsQuotes(text, flow);
    if (style_.plain && !must) return text;
    if (!must && style_random_.Below(4) >= style_.quoting) return text;
    return style_random_.OneIn(3) ? SingleQuoted(text) : DoubleQuoted(text);
  }

  // Where the "- " of a sequence under a key indented `indent` goes.
  std::string Dash(const std::string& indent) const {
    return style_.flat_sequences ? indent : indent + "  ";
  }

  void Comment(const std::string& line) {
    if (style_.comments && style_random_.OneIn(2)) out_ += line + "\n";
  }
  // A comment at a line's end, now and then.
  std::string EndComment(const std::string& text) {
    return style_.comments && style_random_.OneIn(4) ? "  # " + text : "";
  }

  // A rating of `points` written as a level name, in any case.
  std::string LevelName(int points) {
    const std::string name = kLevelNames[points];
    if (style_.plain) return name;
    switch (style_random_.Below(5)) {
      case 0:
        return Lower(name);
      case 1:
        return Lower(name) + " activity";
      case 2:
        return name + " activity";
      case 3: {
        std::string upper = name;
        for (char& c : upper) {
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        }
        return upper;
      }
      default:
        return name;
    }
  }

  void Header() {
    const int next = (year_ + 1) % 100;
    out_ +=
        "# EDS 2022 assessment (fictional, written by eds3-bench-generate)\n";
    if (style_.document_start) out_ += "---\n";
    out_ += "eds3: 1\nrubric: eds2022\norganisation:\n";
    out_ += "  name: " + Text(org_.name) + "\n  code: " + Text(org_.code) +
            "\n  system: " + Text(systems_[org_.system] + " ICS") + "\n";
    out_ += "year: " + Text(std::to_string(year_) + "/" + TwoDigits(next)) +
            EndComment("the reporting year") + "\n";
    out_ += "completed: " + Date(year_ + 1, 2, random_.Between(3, 24)) + "\n";
    out_ += "lead: " + Text("Head of Equality, Diversity and Inclusion") + "\n";
    out_ += "sponsor: " + Text("Director of People") + "\n";
    if (org_.type != 0) {
      out_ += "partners: [" +
              Text("NHS " + systems_[org_.system] + " Integrated Care Board",
                   true) +
              "]\n";
    }
    out_ += "engagement: [" + Date(year_, 11, random_.Between(3, 24)) + ", " +
            Date(year_ + 1, 1, random_.Between(8, 28)) + "]" +
            EndComment("panel meetings") + "\n";
    out_ += "published: " + std::to_string(year_ + 1) + "-03\n";
    out_ += "authorised: " + Date(year_ + 1, 2, random_.Between(25, 28)) + "\n";
    out_ += "review_due: " + Date(year_ + 2, 2, 28) + "\n";
    if (random_.OneIn(3)) {
      out_ += "reviewers:\n" + Dash("") +
              "- name: " + Text("Regional trade union officer") + "\n" +
              Dash("") + "  role: trade-union\n";
    }
    if (org_.raters != "median" || org_.services_policy != "median" ||
        org_.rounding != "half") {
      out_ += "policy:\n  raters: " + org_.raters +
              "\n  services: " + org_.services_policy +
              "\n  rounding: " + org_.rounding + "\n";
    }
  }

  // One outcome entry: ratings from the panel members who rate this domain
  // (at least two), sometimes an agreed score, evidence, actions and notes.
  void Outcome(const std::string& indent, int o, int quality,
               const std::string& service, bool unrated) {
    const OutcomeText& text = kOutcomes[o];
    out_ += indent + text.id + ":\n";
    if (unrated) return;
    const int centre = quality + org_.offset[o];
    out_ += indent + "  ratings: {";
    int count = 0;
    for (std::size_t i = 0; i < org_.panel.size(); ++i) {
      const Member& member = org_.panel[i];
      const bool last_two = i + 2 >= org_.panel.size();
      if (!Rates(member.who->group, text.id[0], random_) &&
          !(count < 2 && last_two)) {
        continue;
      }
      const int points = Clamp(
          FloorDiv(centre + member.bias + random_.Between(-65, 65) + 50, 100));
      out_ += (count > 0 ? ", " : "") + member.who->id + ": ";
      out_ += random_.OneIn(15) ? LevelName(points)
                                : Text(std::to_string(points), true);
      ++count;
    }
    out_ += "}" + EndComment("panel scores") + "\n";
    if (random_.OneIn(12)) {
      out_ += indent +
              "  agreed: " + std::to_string(Clamp(FloorDiv(centre + 50, 100))) +
              "\n";
    }
    const std::string slug = Slug(org_.place);
    const int evidence = random_.Below(3);
    if (evidence > 0) out_ += indent + "  evidence:\n";
    const std::string dash = Dash(indent + "  ");
    for (int e = 0; e < evidence; ++e) {
      out_ += dash + "- title: " +
              Text(text.evidence[e] + service + ", " + std::to_string(year_)) +
              "\n";
      if (!random_.OneIn(4)) {
        out_ +=
            dash + "  link: " +
            Text("https://example.org/" + slug + "/" + Lower(text.id) + "-" +
                 std::to_string(year_) + "-" + std::to_string(e + 1) + ".pdf") +
            "\n";
      }
    }
    if (random_.OneIn(4)) Notes(indent + "  ", text.note);
    if (random_.OneIn(3)) {
      out_ += indent + "  actions:\n";
      const std::string due =
          Date(year_ + 1, random_.Between(6, 12), random_.Between(1, 28));
      if (style_.flow_items) {
        out_ += dash + "- {action: " + Text(text.action, true) +
                ", owner: " + Text(text.owner, true) + ", due: " + due + "}\n";
      } else {
        out_ += dash + "- action: " + Text(text.action) + "\n";
        out_ += dash + "  owner: " + Text(text.owner) + "\n";
        out_ += dash + "  due: " + due + "\n";
      }
    }
  }

  // The panel's notes, at `indent`: plain, or with a quoted remark added,
  // which needs quotes or a block scalar.
  void Notes(const std::string& indent, std::string note) {
    if (!style_.plain && style_random_.OneIn(3)) {
      note += std::string(" ") + kRemarks[style_random_.Below(5)];
    }
    if (!style_.block_notes || style_random_.OneIn(3)) {
      out_ += indent + "notes: " + Text(note) + "\n";
      return;
    }
    // Block scalars: literal or folded, every chomping, now and then an
    // indentation indicator or a more-indented line.
    static const char* const kHeaders[] = {"|", ">-", "|-", ">", "|+"};
    const std::string header = kHeaders[style_random_.Below(5)];
    const bool literal = header[0] == '|';
    out_ += indent + "notes: " + header + (style_random_.OneIn(6) ? "2" : "") +
            "\n";
    for (const std::string& line : Wrap(note, 48)) {
      out_ += indent + "  " + line + "\n";
    }
    if (literal && style_random_.OneIn(4)) {
      out_ += indent + "    - raised again by the panel\n";
    }
    if (header == "|+") out_ += "\n";
  }

  const Organisation& org_;
  const std::vector<std::string>& systems_;
  int year_;
  Random& random_;
  const Style& style_;
  Random& style_random_;
  std::string out_;
};

// Place names drawn without repeats from the start × end pairs.
class Places {
 public:
  explicit Places(Random& random) : random_(random) {}

  std::string Next() {
    for (;;) {
      std::string place =
          kPlaceStarts[random_.Below(static_cast<int>(kPlaceStarts.size()))] +
          kPlaceEnds[random_.Below(static_cast<int>(kPlaceEnds.size()))];
      if (used_.insert(place).second) return place;
    }
  }
  std::size_t Capacity() const {
    return kPlaceStarts.size() * kPlaceEnds.size();
  }

 private:
  Random& random_;
  std::set<std::string> used_;
};

// Three-character ODS-like codes: Q.. for boards, R.. for trusts; a fourth
// character once the three-character ones run out.
class Codes {
 public:
  explicit Codes(Random& random) : random_(random) {}

  std::string Next(char prefix) {
    static const std::string kChars = "ABCDEFGHJKLMNPQRTVWXY0123456789";
    const int alphabet = static_cast<int>(kChars.size());
    for (int tries = 0;; ++tries) {
      std::string code(1, prefix);
      code += kChars[random_.Below(21)];
      code += kChars[random_.Below(alphabet)];
      if (tries > 200) code += kChars[random_.Below(alphabet)];
      if (used_.insert(code).second) return code;
    }
  }

 private:
  Random& random_;
  std::set<std::string> used_;
};

int Usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "eds3-bench-generate: " << problem << "\n";
  std::cerr << "usage: eds3-bench-generate OUT [--organisations N] "
               "[--years N] [--seed N] [--plain]\n"
               "  writes N organisations (default 250) x N years (default 6) "
               "of assessments\n  into the folder OUT, which must not exist "
               "or be empty; in every YAML\n  style people write, mixed, or "
               "with --plain the same data in plain YAML only\n";
  return 2;
}

bool ParseCount(const std::string& text, std::int64_t low, std::int64_t high,
                std::int64_t* value) {
  if (text.empty() || text.size() > 12) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  *value = std::stoll(text);
  return *value >= low && *value <= high;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out;
  // Fixed width: `long` has 32 bits on some targets (wasm32).
  std::int64_t organisations = 250;
  std::int64_t years = 6;
  std::int64_t seed = 20250214;
  bool plain = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      Usage("");
      return 0;
    }
    if (arg == "--plain") {
      plain = true;
    } else if (arg == "--organisations" || arg == "--years" ||
               arg == "--seed") {
      if (i + 1 >= argc) return Usage(arg + " needs a value");
      const std::string value = argv[++i];
      const bool ok =
          arg == "--organisations" ? ParseCount(value, 1, 1000, &organisations)
          : arg == "--years"       ? ParseCount(value, 1, 20, &years)
                                   : ParseCount(value, 0, 999999999999, &seed);
      if (!ok) return Usage("bad value for " + arg + ": '" + value + "'");
    } else if (!arg.empty() && arg[0] == '-') {
      return Usage("unknown option '" + arg + "'");
    } else if (out.empty()) {
      out = arg;
    } else {
      return Usage("one output folder only");
    }
  }
  if (out.empty()) return Usage("no output folder");
  std::error_code error;
  if (fs::exists(out, error) && !fs::is_empty(out, error)) {
    return Usage("'" + out + "' exists and is not empty");
  }

  Random random(static_cast<std::uint64_t>(seed));
  // The styles have their own numbers, so --plain writes the same data.
  Random style_random(static_cast<std::uint64_t>(seed) ^ 0x5354594C45ULL);
  Places places(random);
  Codes codes(random);
  const int systems_count = static_cast<int>(
      std::min<std::int64_t>(kSystems, (organisations + 5) / 6));
  std::vector<std::string> systems;
  for (int s = 0; s < systems_count; ++s) {
    systems.push_back(random.OneIn(3) ? places.Next() + " and " + places.Next()
                                      : places.Next());
  }
  if (static_cast<std::size_t>(organisations + 2 * systems_count) >
      places.Capacity()) {
    return Usage("too many organisations for the place names");
  }

  std::vector<Organisation> orgs;
  for (std::int64_t k = 0; k < organisations; ++k) {
    Organisation org;
    org.system = static_cast<int>(k % systems_count);
    // The first organisation of each system is its board; trusts are mostly
    // acute, then community, mental health and ambulance.
    static const int kTrustTypes[] = {1, 1, 2, 2, 2, 3, 3, 4, 4, 5};
    org.type = k < systems_count ? 0 : kTrustTypes[random.Below(10)];
    org.place = org.type == 0 ? systems[org.system] : places.Next();
    org.name = org.type == 0 ? "NHS " + org.place + " " + kTypes[0].suffix
                             : org.place + " " + kTypes[org.type].suffix;
    org.code = codes.Next(org.type == 0 ? 'Q' : 'R');
    for (std::size_t i = 0; i < kPool.size(); ++i) {
      if (i >= 4 && random.Below(10) >= 4) continue;
      org.panel.push_back({&kPool[i], Replace(kPool[i].name, org.place),
                           (random.Below(5) - 2) * 20});
      if (org.panel.size() == 10) break;
    }
    for (std::size_t i = 4; org.panel.size() < 6; ++i) {
      bool taken = false;
      for (const Member& member : org.panel) taken |= member.who == &kPool[i];
      if (!taken)
        org.panel.push_back({&kPool[i], Replace(kPool[i].name, org.place), 0});
    }
    org.service_start = random.Below(5);
    org.quality = random.Between(55, 230);
    org.step = random.Between(-15, 30);
    for (std::size_t o = 0; o < kOutcomes.size(); ++o) {
      org.offset.push_back(random.Between(-45, 45));
    }
    if (k % 9 == 4) org.raters = "mean";
    if (k % 11 == 6) org.services_policy = "mean";
    if (k % 23 == 8) org.rounding = "none";
    orgs.push_back(std::move(org));
  }

  const int first_year = kLatestYear - static_cast<int>(years) + 1;
  for (const Organisation& org : orgs) {
    const fs::path dir = fs::path(out) / Slug(systems[org.system]) /
                         (Lower(org.code) + "-" + Slug(org.place));
    fs::create_directories(dir, error);
    if (error) {
      std::cerr << "eds3-bench-generate: cannot create " << dir.string() << ": "
                << error.message() << "\n";
      return 3;
    }
    for (int y = 0; y < years; ++y) {
      const int year = first_year + y;
      const int quality = org.quality + org.step * y + random.Between(-15, 15);
      // About one file in twenty leaves one of its 23 outcome entries unrated.
      const int incomplete_at = random.OneIn(20) ? random.Below(23) : -1;
      const Style style = plain ? Style() : DrawStyle(style_random);
      Writer writer(org, systems, year, random, style, style_random);
      const std::string text = writer.Assessment(quality, incomplete_at);
      const fs::path file = dir / (std::to_string(year) + "-" +
                                   TwoDigits((year + 1) % 100) + ".yaml");
      std::ofstream stream(file, std::ios::binary);
      stream << text;
      stream.close();
      if (!stream) {
        std::cerr << "eds3-bench-generate: cannot write " << file.string()
                  << "\n";
        return 3;
      }
    }
  }
  return 0;
}
