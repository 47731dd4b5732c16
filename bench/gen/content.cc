#include "gen/content.h"

#include <string>

namespace meshcheck::gen {
namespace {

using List = std::span<const std::string_view>;

// Patterns use {x} placeholders: n noun, v verb phrase, a adjective, t thing (a tool or product),
// m measure, c code, p path, q quoted error, e emoji, w foreign phrase, d number, l link (sets
// ChatMessage::link), i image attachment, @ mention mark.
struct Vocabulary {
  List nouns, verbs, adjectives, things, measures, code, paths, quotes;
  List announcements, questions, shares, chatter, answers, followups;
};

// ---- A hobby community (3D printing and electronics).
constexpr std::string_view kMakerNouns[] = {"first layer", "bed",
                                            "nozzle",      "hotend",
                                            "extruder",    "PETG spool",
                                            "PLA",         "Z offset",
                                            "stepper",     "thermistor",
                                            "ESP32",       "breadboard",
                                            "flux",        "MOSFET",
                                            "PSU",         "mesh",
                                            "belt",        "enclosure",
                                            "resin vat",   "printer.cfg",
                                            "firmware",    "pressure advance",
                                            "retraction",  "overhang",
                                            "support",     "brim",
                                            "fan duct",    "heat creep"};
constexpr std::string_view kMakerVerbs[] = {
    "re-level the bed",       "dry the filament",     "lower the temp",
    "tighten the belts",      "update the firmware",  "flash the board",
    "recalibrate e-steps",    "swap the nozzle",      "check the wiring",
    "add a pull-up",          "run a PID tune",       "slow the first layer down",
    "clean the bed with IPA", "reseat the connector", "lower the Z offset"};
constexpr std::string_view kMakerAdjectives[] = {"stringy", "warped", "under-extruded", "crunchy",
                                                 "noisy",   "flaky",  "perfect",        "cursed",
                                                 "wobbly",  "glossy"};
constexpr std::string_view kMakerThings[] = {
    "my Ender 3",  "the Prusa MK4", "the Voron", "my Bambu",       "Cura",
    "PrusaSlicer", "OrcaSlicer",    "the Pi 4",  "the multimeter", "Klipper"};
constexpr std::string_view kMakerMeasures[] = {"0.2 mm", "215 °C",  "60 °C", "±0.05 mm", "24 V",
                                               "3.3 V",  "40 mm/s", "120 %", "0.4 mm",   "1.75 mm"};
constexpr std::string_view kMakerCode[] = {
    "```\n[extruder]\nrotation_distance: 7.71\npressure_advance: 0.045\n```",
    "```cpp\nvoid loop() {\n  digitalWrite(LED, !digitalRead(LED));\n  delay(500);\n}\n```",
    "```\nG28 ; home\nG29 ; probe mesh\nM500 ; save\n```",
    "```\nError: \"MCU 'mcu' shutdown: Timer too close\"\n```",
    "`M503`",
    "`SET_PRESSURE_ADVANCE ADVANCE=0.04`",
    "```py\nfor z in range(5):\n\tprint(f\"layer {z}\")\n```"};
constexpr std::string_view kMakerPaths[] = {"C:\\Users\\me\\Documents\\prints\\benchy.gcode",
                                            "~/printer_data/config/printer.cfg", "/dev/ttyUSB0",
                                            "D:\\3D\\STL\\gridfinity_bin.stl"};
constexpr std::string_view kMakerQuotes[] = {"\"Thermal Runaway\"",
                                             "\"Heater extruder not heating at expected rate\"",
                                             "\"Move out of range\"", "\"it worked yesterday\""};
constexpr std::string_view kMakerAnnouncements[] = {
    "**Community print challenge** is live: this month's theme is {n}! Post your prints here {e}",
    "Reminder: be kind, search before asking, and post pics {e}",
    "We passed 1,000 members!! {w} everyone {e}",
    "New channel for {n} questions, check it out",
    "Server update: the FAQ now covers {n} and {n}",
    "Voice hangout tonight at 8 pm, bring your {a} prints {e}"};
constexpr std::string_view kMakerQuestions[] = {
    "anyone know why my {n} looks {a}? running {t} at {m}",
    "Quick question: should I {v} before I {v}?",
    "my {n} keeps failing after the {n} change {e} any ideas?",
    "getting {q} on {t}, already tried to {v}. what next?",
    "How do you all deal with {a} {n}? pics attached{i}",
    "is {m} too much for the {n}?",
    "Has anyone tried {t} with a new {n}? thinking about switching",
    "help!! {t} says {q} every time I print {p}",
    "what's the best way to {v} on {t}?",
    "Newbie here {e} where do I start with {n}?",
    "{i}why is this {a}?? {e}"};
constexpr std::string_view kMakerShares[] = {"finally finished the {n} upgrade {e}",
                                             "look at this {a} print lol{i}",
                                             "anyone else printing gifts this week?",
                                             "{w}! just got {t} running",
                                             "weekend project: new {n} for {t} {e}",
                                             "first print on {t}{i}",
                                             "PSA: {v} before you {v}, learned that the hard way"};
constexpr std::string_view kMakerChatter[] = {"same here tbh",
                                              "lol yes",
                                              "that's {a} {e}",
                                              "mine does that too",
                                              "ooh nice",
                                              "the {n} on that looks great",
                                              "I'd love to see the settings",
                                              "{e}{e}",
                                              "wait, {t} can do that?"};
constexpr std::string_view kMakerAnswers[] = {
    "try to {v}, that fixed it for me",
    "sounds like the {n}. I'd {v} first, then check the {n}",
    "{m} is fine, but {v} and see",
    "I had the same thing with {t}; it was the {n}.",
    "here's my config:\n{c}",
    "check {p}, the {n} section is probably wrong",
    "you want to {v}. Also {v} if it still looks {a}",
    "there's a good guide here: {l}",
    "pretty sure it's the {n}, not the {n}",
    "yep, {v}. works on mine at {m} {e}",
    "> {q}\nthat usually means the {n} is loose",
    "1. {v}\n2. {v}\n3. print a test cube"};
constexpr std::string_view kMakerFollowups[] = {"forgot to say: it's {t} with a stock {n}",
                                                "update: tried to {v}, no change",
                                                "here's a photo{i}",
                                                "edit: it's at {m} now",
                                                "ok so that made it {a} {e}",
                                                "also {c}"};

// ---- Users of an app asking its team for help.
constexpr std::string_view kAppNouns[] = {
    "sync",          "PDF export",      "login",          "dark mode",
    "sidebar",       "search",          "tags",           "backup",
    "subscription",  "iOS app",         "Android widget", "web version",
    "templates",     "shared notebook", "offline mode",   "markdown preview",
    "calendar view", "reminders"};
constexpr std::string_view kAppVerbs[] = {
    "log out and back in",          "clear the cache",
    "update to the latest version", "reinstall the app",
    "turn sync off and on",         "check Settings → Account",
    "send us the log file",         "disable the browser extension",
    "restart the device",           "reset your password"};
constexpr std::string_view kAppAdjectives[] = {"stuck",      "slow",    "blank",      "broken",
                                               "duplicated", "missing", "greyed out", "laggy"};
constexpr std::string_view kAppThings[] = {"the desktop app", "Inkwell 4.2", "my iPad",
                                           "the beta",        "Chrome",      "Windows 11",
                                           "my Pixel 8",      "macOS Sonoma"};
constexpr std::string_view kAppMeasures[] = {"2 GB",      "10 minutes", "v4.2.1",  "3 devices",
                                             "500 notes", "5 MB",       "two days"};
constexpr std::string_view kAppCode[] = {
    "```\nSyncError: 409 Conflict (notebook \"Work\")\n```",
    "```\n[2024-05-02 10:14:07] WARN  retrying upload (3/5)\n\tat SyncQueue.flush\n```",
    "`Ctrl+Shift+P`", "`inkwell --safe-mode`"};
constexpr std::string_view kAppPaths[] = {
    "C:\\Users\\me\\AppData\\Roaming\\Inkwell\\logs\\main.log",
    "~/Library/Application Support/Inkwell/", "/storage/emulated/0/Inkwell/backup.zip"};
constexpr std::string_view kAppQuotes[] = {"\"Something went wrong\"", "\"Sync paused\"",
                                           "\"Invalid token\"", "\"Couldn't reach the server\""};
constexpr std::string_view kAppAnnouncements[] = {
    "**Inkwell {m}** is out: faster {n}, fixes for {n}. Changelog: {l}",
    "Heads-up: {n} maintenance tonight 22:00–23:00 UTC", "New: {n} is now available on {t} {e}",
    "Known issue: {n} is {a} on {t}. We're on it.",
    "Please post one question per message so we can answer faster {e}"};
constexpr std::string_view kAppQuestions[] = {
    "Hi, my {n} is {a} since the last update, what can I do?",
    "{n} not working on {t} {e}",
    "Is there a way to get {n} on {t}?",
    "I get {q} when I open {n}. Already tried to {v}.",
    "How do I move my {n} to a new device?",
    "Hello! {n} shows {m} but I only have a few notes?",
    "Can I get a refund for the {n}? I was charged twice",
    "Feature request: {n} in {t} please {e}",
    "lost my {n} after reinstalling, help",
    "why is {n} so {a} on {t}?{i}",
    "{i}what does this mean? {q}"};
constexpr std::string_view kAppShares[] = {"love the new {n} {e}", "any news on {n}?",
                                           "Tip: {v} fixes most {n} problems",
                                           "just moved all my notes over, {n} is great {e}"};
constexpr std::string_view kAppChatter[] = {"same problem here", "+1 for {n}",
                                            "happens to me too on {t}", "me too {e}", "{w}"};
constexpr std::string_view kAppAnswers[] = {
    "Hi! Could you {v}? That usually fixes {n}.",
    "Thanks for the report! We're looking into {n} on {t}.",
    "Sorry about that {e} please {v} and tell us if it helps.",
    "That's a known issue in {m}; a fix ships this week.",
    "You can find it under Settings → {n}. More here: {l}",
    "Can you send the log from {p}?",
    "Refund done, you'll see it in 3–5 days.",
    "Good idea, I've added it to the roadmap {e}",
    "It should be fixed in {m}, could you update?",
    "try to {v}, worked for me"};
constexpr std::string_view kAppFollowups[] = {"I'm on {t}, {m}", "update: still {a}",
                                              "here's a screenshot{i}", "tried that, no luck",
                                              "log:\n{c}"};

constexpr Vocabulary kMaker = {
    kMakerNouns,  kMakerVerbs,   kMakerAdjectives, kMakerThings,        kMakerMeasures,
    kMakerCode,   kMakerPaths,   kMakerQuotes,     kMakerAnnouncements, kMakerQuestions,
    kMakerShares, kMakerChatter, kMakerAnswers,    kMakerFollowups};
constexpr Vocabulary kApp = {kAppNouns,         kAppVerbs,     kAppAdjectives, kAppThings,
                             kAppMeasures,      kAppCode,      kAppPaths,      kAppQuotes,
                             kAppAnnouncements, kAppQuestions, kAppShares,     kAppChatter,
                             kAppAnswers,       kAppFollowups};

const Vocabulary& VocabularyOf(Topic topic) {
  return topic == Topic::kMakerHelp ? kMaker : kApp;
}

// ---- Shared.
constexpr std::string_view kThanks[] = {"thanks!",
                                        "thank you so much {e}",
                                        "that fixed it, thanks {e}",
                                        "ty!!",
                                        "{w} {e}",
                                        "amazing, thanks for the help",
                                        "legend 🙏",
                                        "ok will try that, thanks"};
constexpr std::string_view kInlineEmoji[] = {
    "👍", "😂", "🎉", "🙏", "😅",    "🔥", "❤️",      "✅",      "🤔",       "👀",
    "💯", "🚀", "☕", "😭", "🙂", "✨", ":pepeheart:", ":kekw:", "¯\\_(ツ)_/¯"};
constexpr std::string_view kForeign[] = {
    "merci beaucoup", "danke schön", "¡gracias!", "спасибо",        "ありがとう",     "谢谢",
    "grazie mille",   "dziękuję",    "obrigado",  "tack så mycket", "çok teşekkürler"};
constexpr std::string_view kWelcome[] = {"Welcome {@}! Please read the rules and say hi 👋",
                                         "Hey {@}, welcome to the server! Grab a role in #roles ✨"};
constexpr std::string_view kLevelUp[] = {"GG {@}, you just advanced to level {d}!",
                                         "🎉 {@} reached level {d}!"};
constexpr std::string_view kCommands[] = {"!rank", "!help", "?faq", "!ticket", "?tag sync"};
constexpr std::string_view kCommandReplies[] = {
    "{@} you are rank #{d} with {d} XP.", "{@} here you go: {l}",
    "{@} a ticket was opened for you, our team will answer soon."};
constexpr std::string_view kFeed[] = {"New release: {l}", "📢 Changelog {m}: {l}", "{l}"};

constexpr Emoji kEmojis[] = {{"👍", "thumbsup", false, false},
                             {"❤️", "heart", false, false},
                             {"😂", "joy", false, false},
                             {"🎉", "tada", false, false},
                             {"🙏", "pray", false, false},
                             {"👀", "eyes", false, false},
                             {"🔥", "fire", false, false},
                             {"✅", "white_check_mark", false, false},
                             {"💯", "100", false, false},
                             {"🤔", "thinking", false, false},
                             {"pepeheart", "pepeheart", true, false},
                             {"kekw", "kekw", true, false},
                             {"blobwave", "blobwave", true, true}};

// Link previews; the first block is the hobby community's, the second the app's.
constexpr Link kLinks[] = {
    {"https://github.com/Klipper3d/klipper/blob/master/docs/Pressure_Advance.md",
     "klipper/docs/Pressure_Advance.md at master · Klipper3d/klipper",
     "Klipper is a 3d-printer firmware. Contribute to Klipper3d/klipper development by creating "
     "an account on GitHub.",
     "https://opengraph.githubassets.com/5f1c0c2a/Klipper3d/klipper", 1200, 600, "#1E2327"},
    {"https://www.youtube.com/watch?v=Q3z5Xa1v9sE",
     "How to level your 3D printer bed (the right way)",
     "Bed levelling, Z offset and first-layer tuning in 12 minutes.",
     "https://i.ytimg.com/vi/Q3z5Xa1v9sE/maxresdefault.jpg", 1280, 720, "#FF0000"},
    {"https://en.wikipedia.org/wiki/Fused_filament_fabrication",
     "Fused filament fabrication - Wikipedia",
     "Fused filament fabrication (FFF), also known as fused deposition modeling (FDM), is a 3D "
     "printing process that uses a continuous filament of a thermoplastic material.",
     "", 0, 0, ""},
    {"https://www.printables.com/model/274927-gridfinity-bins",
     "Gridfinity bins by Zack | Download free STL model | Printables.com",
     "Modular storage bins: 1×1 to 4×4, with label tabs.",
     "https://media.printables.com/media/prints/274927/images/2521337_preview.jpg", 1200, 900,
     "#FA6831"},
    {"https://inkwell.example.com/changelog/4-2", "Inkwell 4.2 release notes",
     "Faster sync, a new calendar view and 40 fixes.",
     "https://inkwell.example.com/og/changelog-4-2.png", 1200, 630, "#5865F2"},
    {"https://inkwell.example.com/help/sync", "Sync troubleshooting – Inkwell Help Center",
     "If your notes do not sync, try these steps first.", "", 0, 0, ""},
    {"https://inkwell.example.com/help/export-pdf", "Export notes as PDF – Inkwell Help Center",
     "Export one note, a notebook or everything, with attachments.", "", 0, 0, ""},
    {"https://status.inkwell.example.com/", "Inkwell Status", "All systems operational.",
     "https://status.inkwell.example.com/og.png", 600, 315, ""},
};
constexpr int kMakerLinks = 4;  // kLinks[0, 4) belong to kMakerHelp, the rest to the app.

constexpr Place kMakerPlaces[] = {
    {"Layer Lines", "Help", "print-help",
     "Ask anything about printers, slicers and electronics. "
     "Post photos!"},
    {"Solder & Filament", "Workshop", "help-desk", "Stuck? Ask here. Be nice, share settings."},
    {"The Print Farm", "Community", "general-help", "Questions, fixes, show & tell 🛠️"},
};
constexpr Place kAppPlaces[] = {
    {"Inkwell", "Support", "support",
     "Questions about Inkwell? Our team answers here, "
     "Mon–Fri."},
    {"Inkwell Community", "Help", "help-and-support",
     "Bug reports and questions. See "
     "#announcements for releases."},
};

constexpr Sticker kStickers[] = {{"wave", "Png"},
                                 {"pepecute", "Png"},
                                 {"party parrot", "Apng"},
                                 {"thumbs up", "Lottie"}};

constexpr std::string_view kImageNames[] = {"image.png", "IMG_4031.jpg", "Screenshot_20240502.png",
                                            "photo.jpg", "20240611_191530.jpg"};
constexpr std::string_view kFileNames[] = {"printer.cfg", "main.log", "crash_report.txt",
                                           "settings.json", "benchy.3mf"};

List PatternsFor(const Vocabulary& v, Intent intent) {
  switch (intent) {
    case Intent::kAnnouncement:
      return v.announcements;
    case Intent::kQuestion:
      return v.questions;
    case Intent::kShare:
      return v.shares;
    case Intent::kChatter:
      return v.chatter;
    case Intent::kAnswer:
      return v.answers;
    case Intent::kFollowUp:
      return v.followups;
    case Intent::kThanks:
      return kThanks;
    case Intent::kWelcome:
      return kWelcome;
    case Intent::kLevelUp:
      return kLevelUp;
    case Intent::kCommand:
      return kCommands;
    case Intent::kCommandReply:
      return kCommandReplies;
    case Intent::kFeed:
      return kFeed;
  }
  return kThanks;
}

bool IsBotIntent(Intent intent) {
  return intent == Intent::kWelcome || intent == Intent::kLevelUp ||
         intent == Intent::kCommandReply || intent == Intent::kFeed;
}

}  // namespace

const Place& PlaceFor(Topic topic, uint64_t seed) {
  const std::span<const Place> places =
      topic == Topic::kMakerHelp ? std::span<const Place>(kMakerPlaces) : kAppPlaces;
  return places[seed % places.size()];
}

std::span<const Emoji> Emojis() {
  return kEmojis;
}
std::span<const Link> Links() {
  return kLinks;
}
std::span<const Sticker> Stickers() {
  return kStickers;
}

ContentGenerator::ContentGenerator(Topic topic, uint64_t seed) : topic_(topic), rng_(seed, 3) {}

std::string_view ContentGenerator::Pick(List list) {
  return list[rng_.Below(static_cast<uint32_t>(list.size()))];
}

void ContentGenerator::Fill(Intent intent, bool mention, ChatMessage* m) {
  m->text.clear();
  m->link = -1;
  m->sticker = -1;
  m->attachment.kind = AttachmentKind::kNone;
  const Vocabulary& v = VocabularyOf(topic_);
  const List patterns = PatternsFor(v, intent);
  if ((intent == Intent::kChatter || intent == Intent::kShare) && rng_.Chance(0.03)) {
    m->sticker = static_cast<int>(rng_.Below(std::size(kStickers)));
    if (mention)
      m->text.push_back(kMentionMark);
    return;
  }
  if (mention && !IsBotIntent(intent)) {
    m->text.push_back(kMentionMark);
    m->text.push_back(' ');
  }
  Expand(Pick(patterns), m);
  AddExtras(intent, m);
  while (!m->text.empty() && m->text.back() == ' ')
    m->text.pop_back();
}

void ContentGenerator::AddExtras(Intent intent, ChatMessage* m) {
  const Vocabulary& v = VocabularyOf(topic_);
  const bool long_form =
      intent == Intent::kQuestion || intent == Intent::kAnswer || intent == Intent::kAnnouncement;
  if (long_form && rng_.Chance(0.15)) {
    m->text += "\n\n";
    Expand(Pick(PatternsFor(v, intent)), m);
  }
  if (long_form && rng_.Chance(0.05)) {
    m->text += "\n";
    m->text += Pick(v.code);
  }
  if (m->attachment.kind == AttachmentKind::kNone && intent != Intent::kCommand &&
      !IsBotIntent(intent) && rng_.Chance(0.02)) {
    m->attachment.kind = AttachmentKind::kFile;
    m->attachment.name = Pick(kFileNames);
    m->attachment.bytes = 200 + rng_.Below(60000);
  }
}

void ContentGenerator::Expand(std::string_view pattern, ChatMessage* m) {
  const Vocabulary& v = VocabularyOf(topic_);
  std::string& out = m->text;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c != '{' || i + 2 >= pattern.size() || pattern[i + 2] != '}') {
      out.push_back(c);
      continue;
    }
    const char slot = pattern[i + 1];
    i += 2;
    switch (slot) {
      case 'n':
        out += Pick(v.nouns);
        break;
      case 'v':
        out += Pick(v.verbs);
        break;
      case 'a':
        out += Pick(v.adjectives);
        break;
      case 't':
        out += Pick(v.things);
        break;
      case 'm':
        out += Pick(v.measures);
        break;
      case 'c':
        out += Pick(v.code);
        break;
      case 'p':
        out += Pick(v.paths);
        break;
      case 'q':
        out += Pick(v.quotes);
        break;
      case 'e':
        out += Pick(kInlineEmoji);
        break;
      case 'w':
        out += Pick(kForeign);
        break;
      case 'd':
        out += std::to_string(2 + rng_.Below(98));
        break;
      case 'l': {
        const bool maker = topic_ == Topic::kMakerHelp;
        const uint32_t count = maker ? kMakerLinks : std::size(kLinks) - kMakerLinks;
        m->link = static_cast<int>((maker ? 0 : kMakerLinks) + rng_.Below(count));
        out += kLinks[m->link].url;
        break;
      }
      case 'i': {
        Attachment& a = m->attachment;
        a.kind = AttachmentKind::kImage;
        a.name = Pick(kImageNames);
        a.bytes = 40000 + rng_.Below(3000000);
        break;
      }
      case '@':
        out.push_back(kMentionMark);
        break;
      default:
        out.append(pattern.substr(i - 2, 3));
        break;
    }
  }
}

}  // namespace meshcheck::gen
