#include "report/report.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/hash.h"
#include "base/time.h"
#include "meshcheck/version.h"
#include "metrics/params.h"
#include "report/network_cut.h"

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
  size_t index = 0;
  for (const model::Channel& c : data.channels()) {
    Json cj;
    cj["name"] = data.Text(c.name);
    cj["group"] = data.Text(c.group_name);
    cj["kind"] = ChannelKindName(c.kind);
    cj["messages"] = c.messages;
    cj["replies"] = in.measures->inferred_channels[index++] ? "inferred" : "exported";
    channels.push_back(cj);
  }
  j["channels"] = channels;
  const metrics::Roster& r = in.measures->participation.roster;
  j["roster"] = {{"known", r.known},
                 {"listed", r.listed},
                 {"joined_or_left", r.joined_or_left},
                 {"size", r.size},
                 {"silent_members", r.silent_members}};
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
  Json candidates = Json::array();
  for (uint32_t m : in.measures->roles.staff_candidates)
    candidates.push_back(MemberLabel(in, m));
  j["candidates"] = candidates;
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
  const metrics::StructureMeasures& m = in.measures->structure;
  const metrics::Participation& p = in.measures->participation;
  const metrics::ResponseMeasures& r = in.measures->responses;
  Json j;
  j["peer_reply_share"] = MeasureJson(m.peer_reply_share);
  j["peer_reciprocity"] = MeasureJson(m.peer_reciprocity);
  j["member_initiated_discussions"] = MeasureJson(m.member_initiated);
  j["organic_response_rate"] = MeasureJson(m.organic_response);
  j["host_response_rate"] = MeasureJson(m.host_response);
  j["host_share_of_interactions"] = MeasureJson(m.host_share);
  j["degree_centralization"] = MeasureJson(m.degree_centralization);
  j["host_removed_connectivity"] = MeasureJson(m.host_removed_connectivity);
  j["host_silent_survival"] = MeasureJson(m.host_silent_survival);
  j["hostless_conversations"] = MeasureJson(m.hostless_conversations);
  j["sustained_discussions"] = MeasureJson(m.sustained_discussions);
  j["peer_answer_rate"] = MeasureJson(r.peer_answer_rate);
  j["response_rate"] = MeasureJson(r.response_rate);
  j["weekly_active_posters"] = MeasureJson(p.weekly_active_posters);
  j["repeat_participation"] = MeasureJson(p.repeat_participation);
  j["coverage"] = MeasureJson(p.coverage);
  j["gini"] = MeasureJson(p.gini);
  j["top10_share"] = MeasureJson(p.top10_share);
  j["answer_absence_factor"] = MeasureJson(p.answer_absence_factor);
  return j;
}

Json NumberOrNull(bool known, double value) {
  return known ? Json(value) : Json(nullptr);
}

Json DurationsJson(const metrics::Durations& d) {
  Json j;
  j["count"] = d.count;
  j["median_seconds"] = d.count > 0 ? Json(d.median_seconds) : Json(nullptr);
  j["p90_seconds"] = d.count > 0 ? Json(d.p90_seconds) : Json(nullptr);
  return j;
}

Json ResponseTimesJson(const ReportInput& in) {
  const metrics::ResponseTimes& t = in.measures->responses.times;
  const auto share = [&](uint64_t part) {
    return NumberOrNull(t.questions > 0,
                        static_cast<double>(part) / static_cast<double>(t.questions));
  };
  Json j;
  j["questions"] = t.questions;
  j["censored"] = t.censored;
  j["answered"] = t.answered;
  j["answered_within_24h"] = t.answered_within_24h;
  j["unanswered_share"] = share(t.questions - t.answered);
  j["within_24h_share"] = share(t.answered_within_24h);
  j["all"] = DurationsJson(t.all);
  j["by_peer"] = DurationsJson(t.by_peer);
  j["by_host"] = DurationsJson(t.by_host);
  const bool ratio = t.by_peer.count > 0 && t.by_host.count > 0 && t.by_host.median_seconds > 0;
  j["peer_to_host_ratio"] =
      NumberOrNull(ratio, ratio ? static_cast<double>(t.by_peer.median_seconds) /
                                      static_cast<double>(t.by_host.median_seconds)
                                : 0);
  return j;
}

Json ParticipationJson(const ReportInput& in) {
  const metrics::Participation& p = in.measures->participation;
  const metrics::HostBridge& b = in.measures->roles.bridge;
  Json j;
  j["lorenz"] = p.lorenz;
  const metrics::NineNineOne& n = p.nine_nine_one;
  const bool shares = !p.lorenz.empty();
  j["nine_nine_one"] = {{"population", n.population},
                        {"silent_members", n.silent_members},
                        {"top1_share", NumberOrNull(shares, n.top1_share)},
                        {"next9_share", NumberOrNull(shares, n.next9_share)},
                        {"rest90_share", NumberOrNull(shares, n.rest90_share)}};
  j["host_bridge"] = {{"posters", b.posters},
                      {"largest_group", b.largest_group},
                      {"second_group", b.second_group},
                      {"bridged_groups", b.bridged_groups}};
  return j;
}

Json InferenceJson(const ReportInput& in) {
  const graph::InferenceStats& s = in.measures->inference;
  const classify::Verdict& v = *in.verdict;
  Json j;
  j["channels"] = s.channels;
  j["channels_without_links"] = s.channels_without_links;
  j["messages"] = s.messages;
  j["turns"] = s.turns;
  j["inferred_replies"] = s.replies;
  j["by_mention"] = s.replies_by_mention;
  j["concurrent_messages"] = s.concurrent;
  j["concurrency"] =
      NumberOrNull(s.messages > 0, static_cast<double>(s.concurrent) /
                                       static_cast<double>(std::max<uint64_t>(s.messages, 1)));
  j["window_minutes"] = metrics::kInference.window_ms / base::kMsPerMinute;
  Json points = Json::array();
  for (const classify::SensitivityPoint& point : v.sensitivity)
    points.push_back({{"window_minutes", point.window_minutes}, {"community_index", point.index}});
  j["sensitivity"] = points;
  j["sensitivity_spread"] = NumberOrNull(!v.sensitivity.empty(), v.sensitivity_spread);
  return j;
}

Json ComponentJson(const classify::Component& c) {
  Json cj;
  cj["id"] = c.id;
  cj["available"] = c.available;
  cj["raw"] = c.available ? Json(c.raw) : Json(nullptr);
  cj["score"] = c.available ? Json(c.score) : Json(nullptr);
  cj["weight"] = c.weight;
  if (!c.note.empty())
    cj["note"] = c.note;
  return cj;
}

Json ComponentsJson(const std::vector<classify::Component>& components) {
  Json out = Json::array();
  for (const classify::Component& c : components)
    out.push_back(ComponentJson(c));
  return out;
}

Json UncertaintyJson(const classify::Uncertainty& u) {
  Json j;
  j["method"] = "week_block_jackknife";
  j["estimated"] = u.estimated;
  j["blocks"] = u.blocks;
  j["standard_error"] = NumberOrNull(u.estimated, u.standard_error);
  j["interval"] = u.estimated ? Json::array({u.lower, u.upper}) : Json(nullptr);
  j["width"] = NumberOrNull(u.estimated, u.width);
  j["label_stability"] = NumberOrNull(u.estimated, u.label_stability);
  j["modal_label"] = u.estimated ? Json(classify::LabelName(u.modal_label)) : Json(nullptr);
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
  j["small_group_mode"] = v.small_group;
  j["components"] = ComponentsJson(v.components);
  j["uncertainty"] = UncertaintyJson(v.uncertainty);
  Json flags = Json::array();
  for (const classify::FlagNote& f : v.flags)
    flags.push_back({{"id", classify::FlagName(f.flag)}, {"text", f.text}});
  j["flags"] = flags;
  j["reasons"] = v.reasons;
  j["caveats"] = v.caveats;
  j["insufficient"] = v.insufficient;
  return j;
}

Json BoundaryJson(const ReportInput& in) {
  const classify::Boundary& b = in.verdict->boundary;
  Json j;
  j["boundary_index"] = NumberOrNull(b.has_index, b.index);
  j["enumerability"] = classify::EnumerabilityName(b.enumerability);
  j["access"] = classify::AccessName(b.access);
  j["components"] = ComponentsJson(b.components);
  j["reasons"] = b.reasons;
  return j;
}

Json PlacementJson(const ReportInput& in) {
  const classify::Placement& p = in.verdict->placement;
  Json j;
  j["placed"] = p.placed;
  j["quadrant"] = p.placed ? Json(classify::QuadrantName(p.quadrant)) : Json(nullptr);
  j["title"] = p.placed ? Json(classify::QuadrantTitle(p.quadrant)) : Json(nullptr);
  j["community_index"] = NumberOrNull(p.placed, p.community_index);
  j["boundary_index"] = NumberOrNull(p.placed, p.boundary_index);
  j["provisional"] = p.provisional;
  j["track"] = p.placed ? classify::QuadrantTracks(p.quadrant) : std::vector<std::string>{};
  return j;
}

Json TimelineJson(const ReportInput& in) {
  const classify::Timeline& t = in.verdict->timeline;
  Json j;
  j["unit"] = t.weekly ? "week" : "month";
  Json periods = Json::array();
  for (const classify::TimelinePoint& p : t.points) {
    Json pj;
    char day[11];
    base::FormatDate(p.start_day, day);
    pj["start"] = day;
    pj["days"] = p.days;
    pj["messages_by_host"] = p.host_messages;
    pj["messages_by_members"] = p.member_messages;
    pj["active_posters"] = p.active_posters;
    pj["community_index"] = NumberOrNull(p.judged, p.index);
    Json components = Json::object();
    for (const char* id : {"PRS", "AUT", "ORR", "HRC", "PRC", "MIS"}) {
      components[id] = nullptr;
      for (const classify::Component& c : p.components) {
        if (c.id == id && c.available)
          components[id] = c.raw;
      }
    }
    pj["components"] = components;
    periods.push_back(pj);
  }
  j["periods"] = periods;
  return j;
}

Json ScopeJson(const ReportInput& in) {
  const model::Scope& s = *in.scope;
  Json j;
  j["separate_groups"] = s.separate_groups;
  j["channels"] = s.channels;
  j["one_group"] = s.one_group;
  std::string note;
  if (!s.one_group) {
    note = "Several separate groups were read together; each gets its own reading below.";
  } else if (s.units.size() > 1) {
    note = "One group with " + std::to_string(s.units.size()) +
           " channels: the verdict covers them all, and each channel gets its own reading.";
  } else {
    note = "One group.";
  }
  if (in.units->size() < s.units.size()) {
    note += " The " + std::to_string(in.units->size()) + " largest have a reading of their own; " +
            std::to_string(s.units.size() - in.units->size()) + " smaller ones are left out.";
  }
  j["note"] = note;
  return j;
}

Json UnitsJson(const ReportInput& in) {
  const model::Dataset& data = *in.data;
  Json out = Json::array();
  for (const UnitVerdict& v : *in.units) {
    Json j;
    j["key"] = data.Text(v.unit->key);
    j["name"] = data.Text(v.unit->name);
    j["group_name"] = data.Text(v.unit->group_name);
    j["kind"] = ChannelKindName(v.unit->kind);
    j["messages"] = v.messages;
    j["posters"] = v.posters;
    j["host_share"] =
        NumberOrNull(v.messages > 0, static_cast<double>(v.host_messages) /
                                         static_cast<double>(std::max<uint64_t>(v.messages, 1)));
    j["label"] = classify::LabelName(v.label);
    j["title"] = classify::LabelTitle(v.label);
    j["community_index"] = NumberOrNull(v.has_index, v.index);
    j["confidence"] = classify::ConfidenceName(v.confidence);
    out.push_back(j);
  }
  return out;
}

// Members listed by name in the report (the CSV has everyone).
constexpr size_t kMembersListed = 100;

std::vector<std::string> RoleNames(uint8_t roles) {
  std::vector<std::string> out;
  for (metrics::RoleBit role : metrics::kAllRoles) {
    if (roles & role)
      out.emplace_back(metrics::RoleName(role));
  }
  return out;
}

// The people by messages (descending), then member index.
std::vector<uint32_t> PeopleOrder(const metrics::Roles& r) {
  std::vector<uint32_t> order(r.people.size());
  for (uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return r.people[a].messages > r.people[b].messages;
  });
  return order;
}

Json MembersJson(const ReportInput& in) {
  const metrics::Roles& r = in.measures->roles;
  const model::Dataset& data = *in.data;
  Json counts = Json::object();
  for (metrics::RoleBit role : metrics::kAllRoles) {
    size_t n = 0;
    for (const metrics::Person& p : r.people)
      n += (p.roles & role) != 0;
    counts[metrics::RoleName(role)] = n;
  }
  std::vector<uint32_t> order = r.recognise;
  std::vector<bool> listed(r.people.size(), false);
  for (uint32_t i : order)
    listed[i] = true;
  for (uint32_t i : PeopleOrder(r)) {
    if (order.size() == kMembersListed)
      break;
    if (!listed[i])
      order.push_back(i);
  }
  Json top = Json::array();
  for (uint32_t i : order) {
    const metrics::Person& p = r.people[i];
    const model::Member& m = data.members()[p.member];
    top.push_back({{"id", MemberLabel(in, p.member)},
                   {"roles", RoleNames(p.roles)},
                   {"messages", p.messages},
                   {"replies_to_members", p.replies_to_members},
                   {"replies_received", p.replies_received},
                   {"peer_answers", p.peer_answers},
                   {"people_answered", p.people_answered},
                   {"active_weeks", p.active_weeks},
                   {"first_day", DateOrNull(m.first_ms)},
                   {"last_day", DateOrNull(m.last_ms)}});
  }
  Json recognise = Json::array();
  for (uint32_t i : r.recognise)
    recognise.push_back(MemberLabel(in, r.people[i].member));
  Json j;
  j["counts"] = counts;
  j["total"] = r.people.size();
  j["listed"] = top.size();
  j["top"] = top;
  j["recognise"] = recognise;
  return j;
}

Json RecommendationsJson(const ReportInput& in) {
  Json out = Json::array();
  for (const Recommendation& r : *in.recommendations) {
    out.push_back({{"id", r.id},
                   {"measure", r.measure},
                   {"value", r.value},
                   {"target", r.target},
                   {"text", r.text},
                   {"practices", r.practices}});
  }
  return out;
}

// One CSV cell: quoted when needed (RFC 4180), formula-like starts defused.
std::string CsvCell(std::string_view text) {
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    cell.push_back('\'');
  cell.append(text);
  if (cell.find_first_of(",\"\r\n") == std::string::npos)
    return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"')
      quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

std::string DayText(int64_t ms) {
  if (ms == model::kNoTime)
    return {};
  char day[11];
  base::FormatDate(base::DayOf(ms), day);
  return day;
}

}  // namespace

std::string RenderMembersCsv(const ReportInput& in) {
  const metrics::Roles& r = in.measures->roles;
  std::string out =
      "id,roles,messages,replies_to_members,replies_received,peer_answers,people_answered,"
      "active_weeks,first_day,last_day\r\n";
  for (uint32_t i : PeopleOrder(r)) {
    const metrics::Person& p = r.people[i];
    const model::Member& m = in.data->members()[p.member];
    std::string roles;
    for (const std::string& name : RoleNames(p.roles))
      roles += (roles.empty() ? "" : ";") + name;
    out += CsvCell(MemberLabel(in, p.member)) + "," + roles + "," + std::to_string(p.messages) +
           "," + std::to_string(p.replies_to_members) + "," + std::to_string(p.replies_received) +
           "," + std::to_string(p.peer_answers) + "," + std::to_string(p.people_answered) + "," +
           std::to_string(p.active_weeks) + "," + DayText(m.first_ms) + "," + DayText(m.last_ms) +
           "\r\n";
  }
  return out;
}

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
  j["response_times"] = ResponseTimesJson(in);
  j["participation"] = ParticipationJson(in);
  j["inference"] = InferenceJson(in);
  j["verdict"] = VerdictJson(in);
  j["boundary"] = BoundaryJson(in);
  j["placement"] = PlacementJson(in);
  j["timeline"] = TimelineJson(in);
  j["scope"] = ScopeJson(in);
  j["groups"] = UnitsJson(in);
  j["members"] = MembersJson(in);
  j["recommendations"] = RecommendationsJson(in);
  // Invalid UTF-8 never reaches here (readers repair it); replace defensively all the same.
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {

// Tab-separated lines of numbers, only counted (to size the text first) or handed to a
// PieceWriter in pieces of whole lines, each flushed once it reaches piece_bytes.
class LineSink {
 public:
  // `out` null: counts only.
  LineSink(const PieceWriter* out, size_t piece_bytes) : out_(out), piece_bytes_(piece_bytes) {}
  ~LineSink() { Flush(); }

  template <typename... Numbers>
  void Line(std::string_view tag, Numbers... numbers) {
    Put(tag);
    (PutNumber(numbers), ...);
    Put("\n");
    if (buffer_.size() >= piece_bytes_)
      Flush();
  }
  size_t size() const { return size_; }

 private:
  void Put(std::string_view text) {
    size_ += text.size();
    if (out_)
      buffer_.append(text);
  }
  void PutNumber(uint64_t value) {
    char buffer[24] = {'\t'};
    const auto end = std::to_chars(buffer + 1, buffer + sizeof(buffer), value).ptr;
    Put(std::string_view(buffer, static_cast<size_t>(end - buffer)));
  }
  void Flush() {
    if (!buffer_.empty())
      (*out_)(buffer_);
    buffer_.clear();
  }

  const PieceWriter* out_;
  size_t piece_bytes_;
  std::string buffer_;
  size_t size_ = 0;
};

void WriteEdgeLines(const ReportInput& in,
                    const graph::InteractionGraph& graph,
                    const std::vector<metrics::PeerTie>& ties,
                    LineSink* sink) {
  const auto& members = in.data->members();
  for (uint32_t i = 0; i < members.size(); ++i) {
    if (HasNodeLine(*in.data, *in.facts, *in.hosts, i))
      sink->Line("node", i, uint64_t{in.hosts->is_host[i]}, members[i].messages);
  }
  for (const graph::Edge& e : graph.edges()) {
    if (IsPeopleEdge(*in.data, e)) {
      sink->Line("edge", e.from, e.to, e.weights.replies, e.weights.mentions, e.weights.reactions,
                 e.weights.inferred_replies);
    }
  }
  for (const metrics::PeerTie& t : ties)
    sink->Line("tie", t.a, t.b, t.conversations, t.chosen_conversations);
  for (const metrics::Person& p : in.measures->roles.people) {
    if (p.roles & metrics::kRoleConnector)
      sink->Line("connector", p.member);
  }
}

}  // namespace

// Walked twice, counted and then written: the size comes first, and the text (41 MB for the
// 200 MB WhatsApp bench export) is never held whole here.
void WriteEdgeList(const ReportInput& in,
                   const graph::InteractionGraph& graph,
                   const std::function<void(uint64_t)>& total,
                   const PieceWriter& piece,
                   size_t piece_bytes) {
  const std::vector<metrics::PeerTie> ties =
      metrics::PeerTies(*in.data, graph, *in.facts, *in.hosts);
  uint64_t bytes = 0;
  {
    LineSink count(nullptr, piece_bytes);
    WriteEdgeLines(in, graph, ties, &count);
    bytes = count.size();
  }
  total(bytes);
  LineSink write(&piece, piece_bytes);
  WriteEdgeLines(in, graph, ties, &write);
}

std::string RenderEdgeList(const ReportInput& in, const graph::InteractionGraph& graph) {
  std::string out;
  WriteEdgeList(
      in, graph, [&](uint64_t bytes) { out.reserve(bytes); },
      [&](std::string_view piece) { out.append(piece); });
  return out;
}

}  // namespace meshcheck::report
