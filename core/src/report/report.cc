#include "report/report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/hash.h"
#include "base/time.h"
#include "meshcheck/version.h"

namespace meshcheck::report {
namespace {

using Json = nlohmann::ordered_json;

// Fixed salt: pseudonyms are stable across runs and machines, so reports compare.
constexpr uint64_t kPseudonymSalt = 0x6d65736863686b31ULL;

std::string Pseudonym(std::string_view key) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "member-%08x",
                static_cast<unsigned>(base::Hash64(key, kPseudonymSalt) & 0xffffffffu));
  return buf;
}

Json LocationJson(const Location& where) {
  Json j;
  j["input"] = where.input;
  j["byte"] = where.byte;
  j["line"] = where.line;
  return j;
}

Json DateOrNull(int64_t ms) {
  if (ms == model::kNoTime)
    return nullptr;
  char day[11];
  base::FormatDate(base::DayOf(ms), day);
  return day;
}

const char* ChannelKindName(model::ChannelKind kind) {
  switch (kind) {
    case model::ChannelKind::kUnknown:
      return "unknown";
    case model::ChannelKind::kChat:
      return "chat";
    case model::ChannelKind::kAnnouncement:
      return "announcement";
    case model::ChannelKind::kThread:
      return "thread";
    case model::ChannelKind::kForum:
      return "forum";
    case model::ChannelKind::kDirect:
      return "direct";
    case model::ChannelKind::kGroupDirect:
      return "group_direct";
    case model::ChannelKind::kVoice:
      return "voice";
  }
  return "unknown";
}

Json InputsJson(const ReportInput& in) {
  Json out = Json::array();
  for (const InputSummary& s : *in.inputs) {
    Json j;
    j["name"] = s.name;
    j["format"] = FormatName(s.format);
    j["bytes"] = s.bytes;
    j["messages"] = s.messages;
    j["status"] = s.status.ok() ? "ok" : "error";
    if (!s.status.ok()) {
      Json e;
      e["code"] = StatusCodeName(s.status.code());
      e["id"] = s.status.id();
      e["message"] = s.status.message();
      e["at"] = LocationJson(s.status.location());
      j["error"] = e;
    }
    out.push_back(j);
  }
  return out;
}

Json DiagnosticsJson(const ReportInput& in) {
  Json out = Json::array();
  for (const auto& [id, entry] : in.diagnostics->entries()) {
    Json j;
    j["id"] = id;
    j["severity"] = entry.severity == base::Severity::kInfo ? "info" : "warning";
    j["count"] = entry.count;
    j["message"] = entry.message;
    j["first"] = LocationJson(entry.first);
    out.push_back(j);
  }
  return out;
}

Json GroupJson(const ReportInput& in) {
  const metrics::GroupFacts& f = *in.facts;
  const model::Dataset& data = *in.data;
  Json j;
  j["messages"] = f.messages;
  j["bot_messages"] = f.bot_messages;
  j["system_events"] = f.system_events;
  j["forwards"] = f.forwards;
  j["posters"] = f.posters;
  j["bots"] = f.bots;
  j["deleted_accounts"] = f.deleted_accounts;
  j["first_day"] = DateOrNull(f.first_ms);
  j["last_day"] = DateOrNull(f.last_ms);
  j["span_days"] = f.span_days;
  j["active_days"] = f.active_days;
  Json channels = Json::array();
  for (const model::Channel& c : data.channels()) {
    Json cj;
    cj["name"] = data.Text(c.name);
    cj["group"] = data.Text(c.group_name);
    cj["kind"] = ChannelKindName(c.kind);
    cj["messages"] = c.messages;
    channels.push_back(cj);
  }
  j["channels"] = channels;
  return j;
}

Json HostsJson(const ReportInput& in) {
  const metrics::HostSet& h = *in.hosts;
  Json j;
  j["source"] = metrics::HostSourceName(h.source);
  j["how"] = h.how;
  Json members = Json::array();
  for (uint32_t m : h.members) {
    Json mj;
    mj["id"] = MemberLabel(in, m);
    mj["messages"] = in.data->members()[m].messages;
    members.push_back(mj);
  }
  j["members"] = members;
  j["messages"] = h.host_messages;
  j["unmatched"] = h.unmatched;
  return j;
}

Json MeasureJson(const metrics::Measure& m) {
  Json j;
  j["available"] = m.available;
  j["value"] = m.available ? Json(m.value) : Json(nullptr);
  Json evidence = Json::object();
  for (const auto& [name, count] : m.evidence)
    evidence[name] = count;
  j["evidence"] = evidence;
  if (!m.available)
    j["why_unavailable"] = m.why_unavailable;
  return j;
}

Json MeasuresJson(const ReportInput& in) {
  const metrics::StructureMeasures& m = *in.measures;
  Json j;
  j["peer_reply_share"] = MeasureJson(m.peer_reply_share);
  j["peer_reciprocity"] = MeasureJson(m.peer_reciprocity);
  j["member_initiated_discussions"] = MeasureJson(m.member_initiated);
  j["organic_response_rate"] = MeasureJson(m.organic_response);
  j["host_response_rate"] = MeasureJson(m.host_response);
  j["host_share_of_interactions"] = MeasureJson(m.host_share);
  j["degree_centralization"] = MeasureJson(m.degree_centralization);
  return j;
}

Json VerdictJson(const ReportInput& in) {
  const classify::Verdict& v = *in.verdict;
  Json j;
  j["label"] = classify::LabelName(v.label);
  j["title"] = classify::LabelTitle(v.label);
  j["provisional_label"] = classify::LabelName(v.provisional);
  j["community_index"] = v.has_index ? Json(v.index) : Json(nullptr);
  j["confidence"] = classify::ConfidenceName(v.confidence);
  Json components = Json::array();
  for (const classify::Component& c : v.components) {
    Json cj;
    cj["id"] = c.id;
    cj["available"] = c.available;
    cj["raw"] = c.available ? Json(c.raw) : Json(nullptr);
    cj["score"] = c.available ? Json(c.score) : Json(nullptr);
    cj["weight"] = c.weight;
    if (!c.note.empty())
      cj["note"] = c.note;
    components.push_back(cj);
  }
  j["components"] = components;
  j["reasons"] = v.reasons;
  j["caveats"] = v.caveats;
  j["insufficient"] = v.insufficient;
  return j;
}

}  // namespace

std::string MemberLabel(const ReportInput& in, uint32_t member) {
  const model::Member& m = in.data->members()[member];
  if (!in.options->pseudonymize) {
    const std::string_view name = in.data->Text(m.name);
    return std::string(name.empty() ? in.data->Text(m.key) : name);
  }
  return Pseudonym(in.data->Text(m.key));
}

std::string RenderReport(const ReportInput& in) {
  Json j;
  j["schema"] = kReportSchema;
  j["generator"] = {{"name", "meshcheck"}, {"version", kVersion}};
  j["privacy"] = {{"pseudonymized", in.options->pseudonymize}, {"message_text", false}};
  j["inputs"] = InputsJson(in);
  j["diagnostics"] = DiagnosticsJson(in);
  j["group"] = GroupJson(in);
  j["hosts"] = HostsJson(in);
  j["measures"] = MeasuresJson(in);
  j["verdict"] = VerdictJson(in);
  // Invalid UTF-8 never reaches here (readers repair it); replace defensively all the same.
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string RenderEdgeList(const ReportInput& in, const graph::InteractionGraph& graph) {
  std::string out;
  const auto& members = in.data->members();
  for (uint32_t i = 0; i < members.size(); ++i) {
    const bool host = in.hosts->is_host[i];
    if (!metrics::IsPerson(members[i]) || !(in.facts->is_poster[i] || host))
      continue;
    out += "node\t" + std::to_string(i) + "\t" + (host ? "1" : "0") + "\t" +
           std::to_string(members[i].messages) + "\n";
  }
  for (const graph::Edge& e : graph.edges()) {
    if (!metrics::IsPerson(members[e.from]) || !metrics::IsPerson(members[e.to]))
      continue;
    out += "edge\t" + std::to_string(e.from) + "\t" + std::to_string(e.to) + "\t" +
           std::to_string(e.weights.replies) + "\t" + std::to_string(e.weights.mentions) + "\t" +
           std::to_string(e.weights.reactions) + "\n";
  }
  return out;
}

}  // namespace meshcheck::report
