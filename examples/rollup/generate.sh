#!/bin/sh
# Regenerates the example rollup: 40 fictional NHS organisations in three
# integrated care systems, each with an EDS 2022 assessment for 2022/23,
# 2023/24 and 2024/25, laid out as <system>/<organisation>/<year>.yaml.
#
#   examples/rollup/generate.sh          # rewrites the system folders here
#   eds3 rollup examples/rollup -o rollup.xlsx
#
# Deterministic: its own pseudo-random numbers (Park-Miller, exact in any
# POSIX awk's doubles), no clock, no locale-dependent output, so the same
# script always writes the same bytes. Needs only sh and a POSIX awk.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for system in northmoor-and-dales fenland-and-wash severnvale; do
  rm -rf "${here:?}/$system"
done

LC_ALL=C awk -v out="$here" '
function rand01() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
function pick(n) { return int(rand01() * n) }
function clamp(v) { return v < 0 ? 0 : (v > 3 ? 3 : v) }
function slug(text,   s) {
  s = tolower(text); gsub(/[^a-z0-9]+/, "-", s); gsub(/^-|-$/, "", s); return s
}
function code(prefix,   c, letters) {
  letters = "ABCDEFGHJKLMNPQRTVWXY0123456789"
  do {
    c = prefix substr(letters, pick(21) + 1, 1) substr(letters, pick(31) + 1, 1)
  } while (c in used)
  used[c] = 1
  return c
}
# One stakeholder rating of an outcome: the organisation that year, the
# outcome, the rater and a little noise.
function rating(q, off, bias) {
  return clamp(int(q + off + bias + (rand01() - 0.5) * 1.3 + 0.5 + 10) - 10)
}
function rates(group, domain) {
  if (domain == 1) return group ~ /^(patients|public|community|peer)$/ || (group == "staff" && pick(3) == 0)
  if (domain == 2) return group ~ /^(staff|trade-union|peer|board)$/ || pick(5) == 0
  return group != "public" || pick(2) == 0
}
function ratings_line(domain, q, off, outcome,   i, line, n, g) {
  line = ""; n = 0
  for (i = 1; i <= nsh; i++) {
    g = sh_group[i]
    if (!rates(g, domain) && !(n < 2 && i >= nsh - 1)) continue
    line = line (n ? ", " : "") sh_id[i] ": " rating(q, off, sh_bias[i])
    n++
  }
  return "{" line "}"
}
function evidence(f, indent, outcome, place, y1, service) {
  if (pick(5) >= 2) return
  printf "%sevidence:\n", indent > f
  printf "%s  - title: %s%s, %s\n", indent, ev[outcome], service, y1 > f
  printf "%s    link: https://example.org/%s/%s-%s.pdf\n", indent, slug(place), tolower(outcome), y1 > f
}
function actions(f, indent, outcome, y1) {
  if (pick(6) != 0) return
  printf "%sactions:\n", indent > f
  printf "%s  - action: %s\n", indent, act[outcome] > f
  printf "%s    owner: %s\n", indent, owner[outcome] > f
  printf "%s    due: %d-%02d-%02d\n", indent, y1 + 1, 6 + pick(6), 10 + pick(19) > f
}
function outcome_block(f, indent, o, domain, q, y1, place, service, unrated) {
  printf "%s%s:\n", indent, o > f
  if (unrated) return
  printf "%s  ratings: %s\n", indent, ratings_line(domain, q, off[o]) > f
  if (pick(12) == 0) printf "%s  agreed: %d\n", indent, clamp(int(q + off[o] + 0.5)) > f
  evidence(f, indent "  ", o, place, y1, service)
  actions(f, indent "  ", o, y1)
}
BEGIN {
  seed = 20250214
  nsys = split("Northmoor and Dales ICS|Fenland and Wash ICS|Severnvale ICS", systems, "|")
  split("northmoor-and-dales|fenland-and-wash|severnvale", system_dirs, "|")
  nout = split("1A 1B 1C 1D 2A 2B 2C 2D 3A 3B 3C", outcomes, " ")
  ev["1A"] = "Waiting times by ethnicity and deprivation decile"
  ev["1B"] = "Care plan audit by protected characteristic"
  ev["1C"] = "Patient safety incidents by protected characteristic"
  ev["1D"] = "Friends and Family Test results by protected characteristic"
  ev["2A"] = "Occupational health referrals for long-term conditions"
  ev["2B"] = "Staff survey results on harassment, bullying or abuse by ethnicity"
  ev["2C"] = "Freedom to Speak Up guardian annual report"
  ev["2D"] = "Staff survey results on recommending the organisation"
  ev["3A"] = "Board development session on health inequalities"
  ev["3B"] = "Audit of equality impact assessments in board papers"
  ev["3C"] = "WRES and WDES action plan progress report"
  act["1A"] = "Offer text and video relay booking for Deaf patients"; owner["1A"] = "Head of Patient Access"
  act["1B"] = "Record interpreting and reasonable-adjustment needs in every care plan"; owner["1B"] = "Chief Nurse"
  act["1C"] = "Report incidents by ethnicity and disability to the quality committee"; owner["1C"] = "Head of Patient Safety"
  act["1D"] = "Run listening events with the three least-heard communities"; owner["1D"] = "Head of Patient Experience"
  act["2A"] = "Extend menopause and long-term condition support to night staff"; owner["2A"] = "Head of Occupational Health"
  act["2B"] = "Roll out the zero-tolerance policy on racist abuse from patients"; owner["2B"] = "Director of People"
  act["2C"] = "Recruit Freedom to Speak Up champions from each staff network"; owner["2C"] = "Freedom to Speak Up Guardian"
  act["2D"] = "Act on the staff survey results in the three lowest-scoring teams"; owner["2D"] = "Director of People"
  act["3A"] = "Give every board member an equality objective"; owner["3A"] = "Chair"
  act["3B"] = "Require an equality impact section in every board paper"; owner["3B"] = "Company Secretary"
  act["3C"] = "Add WRES and WDES measures to the board performance report"; owner["3C"] = "Director of Strategy"

  nsvc = split("Emergency department;Maternity services;Outpatient ophthalmology;Cancer services;Children and young people services|" \
               "District nursing;Community children services;Podiatry;Sexual health clinics|" \
               "Adult community mental health teams;Inpatient mental health wards;NHS Talking Therapies;Perinatal mental health|" \
               "999 emergency response;NHS 111;Patient transport service|" \
               "Commissioned primary care access;Continuing healthcare;Commissioned maternity pathway", svc_lists, "|")
  split("Teaching Hospitals NHS Foundation Trust|General Hospital NHS Trust|Community Health Services NHS Trust|Mental Health and Wellbeing NHS Foundation Trust|Ambulance Service NHS Trust|Integrated Care Board", types, "|")
  # Which service list each type uses (1 acute, 2 community, 3 mental health, 4 ambulance, 5 ICB).
  svc_of[1] = 1; svc_of[2] = 1; svc_of[3] = 2; svc_of[4] = 3; svc_of[5] = 4; svc_of[6] = 5

  npool = split("patients-forum;Patient and public involvement forum;patients|" \
                "healthwatch;Healthwatch @;public|" \
                "race-network;Race Equality Network chair;staff|" \
                "unison;UNISON branch secretary;trade-union|" \
                "disability-network;Disability and Neurodiversity Network chair;staff|" \
                "lgbt-network;LGBTQ+ Network chair;staff|" \
                "womens-network;Women'"'"'s Network chair;staff|" \
                "rcn;Royal College of Nursing steward;trade-union|" \
                "deaf-forum;@ Deaf Community Forum;community|" \
                "vcse-alliance;@ Voluntary and Community Sector Alliance;community|" \
                "faith-forum;@ Interfaith Forum;community|" \
                "carers-centre;@ Carers Centre;community|" \
                "peer-lead;Equality lead from a neighbouring trust;peer|" \
                "ned;Non-executive director for equality;board", pool, "|")

  # Place; type (index into types); system.
  norg = split("Ashbourne;1;1|Brackenfield;2;1|Calderbrook;3;1|Dunmere;4;1|Northmoor;5;1|Eastwold;2;1|" \
               "Greyhaven;1;1|Hollinsford;3;1|Ivelbury;2;1|Kestrel Vale;4;1|Langdon;3;1|Marshby;2;1|" \
               "Netherfield;1;1|Oakhurst;3;1|Northmoor and Dales;6;1|Pennwick;2;1|" \
               "Fenmouth;1;2|Queensmere;2;2|Rillington;4;2|Saltcombe;3;2|Thornbury Moor;2;2|Upperdale;1;2|" \
               "Wexcombe;3;2|Yarrowfield;2;2|Fenland and Wash;6;2|Brookmead;4;2|Harrowgate Park;2;2|Millbank;3;2|Wash Coast;5;2|" \
               "Severnvale;1;3|Stonebridge;2;3|Westfell;3;3|Carrow;4;3|Elmstead;2;3|Foxley;1;3|" \
               "Glenholme;3;3|Haverleigh;2;3|Kirkwell;4;3|Severnvale and Wye;6;3|Lowmoor;3;3", orgs, "|")

  for (k = 1; k <= norg; k++) {
    split(orgs[k], part, ";")
    place = part[1]; type = part[2] + 0; sys = part[3] + 0
    name = type == 6 ? "NHS " place " " types[type] : place " " types[type]
    ocode = code(type == 6 ? "Q" : "R")
    dir = out "/" system_dirs[sys] "/" tolower(ocode) "-" slug(place)
    system("mkdir -p \"" dir "\"")

    # The panel: four core members and two to six others.
    nsh = 0
    for (i = 1; i <= npool; i++) {
      split(pool[i], s, ";")
      if (i > 4 && pick(10) >= 4) continue
      nsh++; sh_id[nsh] = s[1]; sh_name[nsh] = s[2]; sh_group[nsh] = s[3]
      sub(/@/, place, sh_name[nsh])
      sh_bias[nsh] = (pick(5) - 2) * 0.2
    }
    while (nsh < 6) {
      split(pool[5 + nsh], s, ";")
      nsh++; sh_id[nsh] = s[1]; sh_name[nsh] = s[2]; sh_group[nsh] = s[3]
      sub(/@/, place, sh_name[nsh]); sh_bias[nsh] = 0
    }
    # Where the organisation starts and how it moves from year to year.
    q = 0.55 + rand01() * 1.75
    step = (rand01() - 0.3) * 0.5
    for (o = 1; o <= nout; o++) off[outcomes[o]] = (rand01() - 0.5) * 0.9
    per_service = type != 6 && pick(4) != 0
    nsv = split(svc_lists[svc_of[type]], services, ";")
    policy_mean = k % 9 == 4

    for (y = 0; y < 3; y++) {
      y1 = 2022 + y
      year = sprintf("%d/%02d", y1, (y1 + 1) % 100)
      f = sprintf("%s/%d-%02d.yaml", dir, y1, (y1 + 1) % 100)
      qy = q + step * y + (rand01() - 0.5) * 0.3
      print "# EDS 2022 assessment (fictional, generated by examples/rollup/generate.sh)" > f
      print "eds3: 1" > f
      print "rubric: eds2022" > f
      print "organisation:" > f
      printf "  name: %s\n  code: %s\n  system: %s\n", name, ocode, systems[sys] > f
      printf "year: %s\n", year > f
      printf "completed: %d-02-%02d\n", y1 + 1, 3 + pick(20) > f
      print "lead: Head of Equality, Diversity and Inclusion" > f
      print "sponsor: Director of People" > f
      printf "engagement: [%d-11-%02d, %d-01-%02d]\n", y1, 4 + pick(20), y1 + 1, 8 + pick(20) > f
      printf "published: %d-03\n", y1 + 1 > f
      if (policy_mean) print "policy:\n  raters: mean" > f
      print "stakeholders:" > f
      for (i = 1; i <= nsh; i++) {
        printf "  - id: %s\n    name: %s\n    group: %s\n", sh_id[i], sh_name[i], sh_group[i] > f
      }
      if (per_service) {
        # Mostly three services; one organisation drops to two in its last year.
        ns = (k == 23 && y == 2) ? 2 : 3
        print "services:" > f
        for (v = 1; v <= ns; v++) {
          sname = services[((v + y + k) % nsv) + 1]
          printf "  - id: %s\n    name: %s\n    outcomes:\n", slug(sname), sname > f
          for (o = 1; o <= 4; o++) {
            outcome_block(f, "      ", outcomes[o], 1, qy + (v - 2) * 0.2, y1, place, " (" sname ")", 0)
          }
        }
      }
      print "outcomes:" > f
      for (o = per_service ? 5 : 1; o <= nout; o++) {
        d = substr(outcomes[o], 1, 1) + 0
        # One organisation had not rated 3C when its first year was exported.
        outcome_block(f, "  ", outcomes[o], d, qy, y1, place, "", k == 7 && y == 0 && outcomes[o] == "3C")
      }
      close(f)
    }
  }
}'
