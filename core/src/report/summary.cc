#include <cstdio>

#include "base/plural.h"
#include "report/report.h"

namespace meshcheck::report {
namespace {

void Line(std::string* out, const std::string& text) {
  out->append(text);
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
  for (const std::string& reason : v.reasons)
    Line(&out, "  - " + reason);
  for (const std::string& caveat : v.caveats)
    Line(&out, "  ~ " + caveat);
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
