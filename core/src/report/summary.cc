#include <algorithm>
#include <cstdio>
#include <string_view>

#include "base/plural.h"
#include "base/time.h"
#include "report/report.h"

namespace meshcheck::report {
namespace {

// Bytes a terminal would act on rather than show, at text[i]: C0 controls and DEL, C1
// controls (U+0080-U+009F), and the bidirectional marks, embeddings, overrides and isolates
// (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069) that reorder what follows. Returns
// their length, 0 for a safe byte. `text` is valid UTF-8 (readers repair it).
size_t ActiveSequence(std::string_view text, size_t i) {
  auto at = [&](size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0; };
  const unsigned char c = at(i);
  if (c < 0x20 || c == 0x7F)
    return 1;
  if ((c == 0xC2 && at(i + 1) >= 0x80 && at(i + 1) <= 0x9F) || (c == 0xD8 && at(i + 1) == 0x9C))
    return 2;
  const unsigned char b = at(i + 1);
  const unsigned char d = at(i + 2);
  if (c == 0xE2 && ((b == 0x80 && (d == 0x8E || d == 0x8F || (d >= 0xAA && d <= 0xAE))) ||
                    (b == 0x81 && d >= 0xA6 && d <= 0xA9))) {
    return 3;
  }
  return 0;
}

// One line of the summary, inert in a terminal: names and titles from the export may hold
// escape sequences or bidi overrides; each becomes U+FFFD.
void Line(std::string* out, const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    const size_t active = ActiveSequence(text, i);
    if (active == 0) {
      out->push_back(text[i++]);
    } else {
      out->append("\xEF\xBF\xBD");
      i += active;
    }
  }
  out->push_back('\n');
}

std::string Fixed(double value, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string VerdictLine(const classify::Verdict& v) {
  std::string line = "Verdict: ";
  line += classify::LabelTitle(v.label);
  line += "  (";
  if (v.has_index)
    line += "Community Index " + Fixed(v.index, 0) + "/100, ";
  line += "confidence ";
  line += classify::ConfidenceName(v.confidence);
  line += ")";
  return line;
}

std::string Percent(double share) {
  return Fixed(share * 100, 0) + "%";
}

// "45 s", "12 min", "3.5 h", "2.1 days".
std::string Duration(int64_t seconds) {
  if (seconds < 60)
    return std::to_string(seconds) + " s";
  if (seconds < 3600)
    return std::to_string(seconds / 60) + " min";
  if (seconds < 48 * 3600)
    return Fixed(static_cast<double>(seconds) / 3600, 1) + " h";
  return Fixed(static_cast<double>(seconds) / 86400, 1) + " days";
}

std::string UncertaintyLine(const classify::Uncertainty& u) {
  if (!u.estimated)
    return "Uncertainty: not estimated (the history covers a single week).";
  return "Uncertainty: 90% interval " + Fixed(u.lower, 0) + " to " + Fixed(u.upper, 0) +
         " (jackknife over " + base::Plural(u.blocks, "block", "blocks") +
         " of weeks); the label holds in " + Percent(u.label_stability) + " of replicates.";
}

std::string InferenceLine(const ReportInput& in) {
  const graph::InferenceStats& s = in.measures->inference;
  const classify::Verdict& v = *in.verdict;
  std::string line =
      "Inferred replies: " + base::Plural(s.replies, "reply was", "replies were") +
      " inferred from turn-taking in " + base::Plural(s.channels, "channel", "channels") +
      " without reply links (" + std::to_string(s.replies_by_mention) +
      " through @mentions); concurrency kappa " +
      Fixed(
          s.messages == 0 ? 0 : static_cast<double>(s.concurrent) / static_cast<double>(s.messages),
          2);
  if (!v.sensitivity.empty()) {
    line += "; the index is";
    for (size_t i = 0; i < v.sensitivity.size(); ++i) {
      line += (i == 0 ? " " : ", ") + Fixed(v.sensitivity[i].index, 0) + " at " +
              std::to_string(v.sensitivity[i].window_minutes) + " min";
    }
  }
  return line + ".";
}

std::string ResponseLine(const metrics::ResponseTimes& t) {
  if (t.questions == 0)
    return "Replies to members: no member question old enough to judge.";
  std::string line =
      "Replies to members: " + base::Plural(t.questions, "member question", "member questions") +
      ", " + std::to_string(t.questions - t.answered) + " unanswered";
  if (t.all.count > 0) {
    line += "; first reply after " + Duration(t.all.median_seconds) + " (median; 90% within " +
            Duration(t.all.p90_seconds) + ")";
  }
  if (t.by_peer.count > 0) {
    line += "; a member answered first " + base::Plural(t.by_peer.count, "time", "times") +
            " (median " + Duration(t.by_peer.median_seconds) + ")";
  }
  if (t.by_host.count > 0) {
    line += ", the host " + base::Plural(t.by_host.count, "time", "times") + " (median " +
            Duration(t.by_host.median_seconds) + ")";
  }
  return line + ".";
}

std::string ParticipationLine(const metrics::Participation& p) {
  std::string line = "Participation:";
  if (p.weekly_active_posters.available) {
    line += ' ';
    line += Fixed(p.weekly_active_posters.value, 0);
    line += " people post in a typical week (median";
    for (const auto& [name, value] : p.weekly_active_posters.evidence) {
      if (name == "weeks")
        line += " of " + base::Plural(value, "week", "weeks");
    }
    line += ");";
  }
  if (p.gini.available)
    line += " Gini " + Fixed(p.gini.value, 2) + " among members;";
  if (p.top10_share.available)
    line += " the top 10% of members wrote " + Percent(p.top10_share.value) + " of their messages;";
  if (p.repeat_participation.available) {
    line += ' ';
    line += Percent(p.repeat_participation.value);
    line += " of members came back another week;";
  }
  line.back() = '.';
  return line;
}

std::string BoundaryLine(const classify::Boundary& b) {
  if (!b.has_index)
    return "Boundary: not measured (nobody posted).";
  return "Boundary Index " + Fixed(b.index, 0) + "/100 (0 = open audience, 100 = closed group; " +
         "members " + classify::EnumerabilityName(b.enumerability) + ", access " +
         classify::AccessName(b.access) + ").";
}

std::string PlacementLine(const classify::Placement& p) {
  std::string line = std::string("Map: ") + classify::QuadrantTitle(p.quadrant) +
                     (p.provisional ? " (provisional)" : "") + ": track ";
  const auto tracks = classify::QuadrantTracks(p.quadrant);
  for (size_t i = 0; i < tracks.size(); ++i)
    line += (i == 0 ? "" : "; ") + tracks[i];
  return line + ".";
}

// A period's start as the summary names it: "2024-01-01" for a week, "2024-01" for a month.
std::string PeriodName(const classify::Timeline& t, const classify::TimelinePoint& p) {
  char day[11];
  base::FormatDate(p.start_day, day);
  return std::string(day, t.weekly ? 10 : 7);
}

// The index per period. Runs of kCollapsedRun or more unjudged periods read "A to B n/a", and a
// timeline with none judged says so in one sentence instead of listing them.
std::string TimelineLine(const classify::Timeline& t) {
  constexpr size_t kCollapsedRun = 3;
  const auto& points = t.points;
  const std::string_view unit = t.weekly ? "week" : "month";
  const bool any_judged = std::any_of(points.begin(), points.end(),
                                      [](const classify::TimelinePoint& p) { return p.judged; });
  if (!any_judged) {
    std::string line = "Timeline: no single " + std::string(unit) +
                       " has enough messages and replies for an index of its own";
    if (!points.empty()) {
      line += " (" + base::Plural(points.size(), unit, std::string(unit) + "s") + ", " +
              PeriodName(t, points.front());
      if (points.size() > 1)
        line += " to " + PeriodName(t, points.back());
      line += ")";
    }
    return line + ".";
  }
  std::string line = "Timeline (index per " + std::string(unit) + "):";
  for (size_t i = 0; i < points.size();) {
    size_t run = 0;
    while (i + run < points.size() && !points[i + run].judged)
      ++run;
    line += ' ';
    if (run >= kCollapsedRun) {
      line += PeriodName(t, points[i]) + " to " + PeriodName(t, points[i + run - 1]) + " n/a,";
      i += run;
      continue;
    }
    line += PeriodName(t, points[i]) + ' ';
    line += points[i].judged ? Fixed(points[i].index, 0) : std::string("n/a");
    line += ',';
    ++i;
  }
  line.back() = '.';
  return line;
}

std::string GroupLine(const metrics::GroupFacts& f) {
  std::string line = "Group: " + base::Plural(f.messages, "message", "messages") + " by " +
                     base::Plural(f.posters, "person", "people") + " over " +
                     base::Plural(f.span_days, "day", "days");
  if (f.bot_messages > 0) {
    line += "; " + base::Plural(f.bot_messages, "bot message", "bot messages") + " set aside";
  }
  return line + ".";
}

std::string HostLine(const ReportInput& in) {
  const metrics::HostSet& h = *in.hosts;
  std::string line = "Host: ";
  if (h.members.empty())
    line += "none";
  for (size_t i = 0; i < h.members.size(); ++i) {
    if (i > 0)
      line += ", ";
    line += MemberLabel(in, h.members[i]);
  }
  line += ". " + h.how;
  if (!h.unmatched.empty()) {
    line += " Nobody in the export matches ";
    for (size_t i = 0; i < h.unmatched.size(); ++i) {
      if (i > 0)
        line += ", ";
      line += "\"" + h.unmatched[i] + "\"";
    }
    line += ".";
  }
  return line;
}

std::string InputLine(const InputSummary& s) {
  std::string line = "Input: " + s.name + " (" + FormatName(s.format) + ", " +
                     base::Plural(s.bytes, "byte", "bytes") + ", " +
                     base::Plural(s.messages, "record", "records") + ")";
  if (!s.status.ok())
    line += " ERROR " + s.status.ToString();
  return line;
}

// Each unit's reading, at most kUnitLines of them: "  #general: Community (CI 70, high), 899
// messages by 101 people".
constexpr size_t kUnitLines = 12;

void UnitLines(const ReportInput& in, std::string* out) {
  if (in.units->empty())
    return;
  Line(out, in.scope->one_group ? "Each channel:" : "Each group:");
  for (size_t u = 0; u < in.units->size() && u < kUnitLines; ++u) {
    const UnitVerdict& v = (*in.units)[u];
    std::string index = v.has_index ? "CI " + std::to_string(static_cast<int>(v.index + 0.5)) + ", "
                                    : std::string();
    Line(out, "  " + std::string(in.data->Text(v.unit->name)) + ": " +
                  classify::LabelTitle(v.label) + " (" + index +
                  classify::ConfidenceName(v.confidence) + "), " +
                  base::Plural(v.messages, "message", "messages") + " by " +
                  base::Plural(v.posters, "person", "people"));
  }
  if (in.units->size() > kUnitLines)
    Line(out,
         "  ... and " + std::to_string(in.units->size() - kUnitLines) + " more in the report.");
}

void NextSteps(const ReportInput& in, std::string* out) {
  for (const Recommendation& r : *in.recommendations)
    Line(out, "Next step: " + r.text);
  const metrics::Roles& roles = in.measures->roles;
  if (roles.recognise.empty())
    return;
  std::string people;
  for (uint32_t i : roles.recognise)
    people += (people.empty() ? "" : ", ") + MemberLabel(in, roles.people[i].member);
  Line(out, "Recognise first (they connect members or answer them): " + people + ".");
}

}  // namespace

std::string RenderSummary(const ReportInput& in) {
  const classify::Verdict& v = *in.verdict;
  std::string out;
  Line(&out, VerdictLine(v));
  if (v.label == classify::Label::kInsufficientData && v.provisional != v.label) {
    Line(&out, std::string("Provisional reading: ") + classify::LabelTitle(v.provisional));
  }
  for (const std::string& why : v.insufficient)
    Line(&out, "  ! " + why);
  for (const classify::FlagNote& flag : v.flags)
    Line(&out, "  * " + flag.text);
  for (const std::string& reason : v.reasons)
    Line(&out, "  - " + reason);
  for (const std::string& caveat : v.caveats)
    Line(&out, "  ~ " + caveat);
  if (v.has_index)
    Line(&out, UncertaintyLine(v.uncertainty));
  if (in.measures->inference.channels > 0)
    Line(&out, InferenceLine(in));
  Line(&out, BoundaryLine(v.boundary));
  for (const std::string& reason : v.boundary.reasons)
    Line(&out, "  - " + reason);
  if (v.placement.placed)
    Line(&out, PlacementLine(v.placement));
  NextSteps(in, &out);
  UnitLines(in, &out);
  Line(&out, ResponseLine(in.measures->responses.times));
  Line(&out, ParticipationLine(in.measures->participation));
  if (!v.timeline.points.empty())
    Line(&out, TimelineLine(v.timeline));
  Line(&out, GroupLine(*in.facts));
  Line(&out, HostLine(in));
  for (const InputSummary& s : *in.inputs)
    Line(&out, InputLine(s));
  for (const auto& [id, entry] : in.diagnostics->entries()) {
    Line(&out,
         "Note (" + id + ", " + base::Plural(entry.count, "time", "times") + "): " + entry.message);
  }
  return out;
}

}  // namespace meshcheck::report
