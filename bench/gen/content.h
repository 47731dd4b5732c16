// Message content: platform-neutral text (UTF-8 with emoji, accents, quotes, backslashes,
// newlines and code blocks, as real chat has), with the occasional link, attachment or sticker.
// The words carry no meaning for the analysis; they exist so that parsers meet realistic bytes.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "gen/archetypes.h"
#include "gen/message.h"
#include "gen/rng.h"

namespace meshcheck::gen {

// Why a message is written; the model decides it, the content follows it.
enum class Intent : uint8_t {
  kAnnouncement,  // A host opens a conversation.
  kQuestion,      // A member opens a conversation with a question...
  kShare,         // ...or with something to show or say.
  kChatter,       // A casual reply.
  kAnswer,        // A reply that helps.
  kFollowUp,      // The opener adds to their own conversation.
  kThanks,        // The opener thanks someone.
  kWelcome,       // Bots: greeting a newcomer (one mention),
  kLevelUp,       // congratulating a member (one mention),
  kCommand,       // (a member's bot command)
  kCommandReply,  // answering a command (one mention),
  kFeed,          // posting a link.
};

struct Emoji {
  std::string_view text;  // The emoji itself, or the name of a custom emoji.
  std::string_view code;  // Short code without colons.
  bool custom;            // A server's own emoji (an image with an id).
  bool animated;
};

struct Link {
  std::string_view url;
  std::string_view title;
  std::string_view description;
  std::string_view image;  // Preview image URL ("" for none).
  uint16_t width, height;
  std::string_view color;  // The site's accent colour, "#RRGGBB" ("" for none).
};

struct Sticker {
  std::string_view name;
  std::string_view format;  // "Png", "Apng", "Lottie", "Gif".
};

// Where the conversation happens: a server (workspace, group) and one channel in it.
struct Place {
  std::string_view server;
  std::string_view category;
  std::string_view channel;
  std::string_view description;
};

const Place& PlaceFor(Topic topic, uint64_t seed);
std::span<const Emoji> Emojis();
std::span<const Link> Links();
std::span<const Sticker> Stickers();

class ContentGenerator {
 public:
  ContentGenerator(Topic topic, uint64_t seed);

  // Replaces m->text (and sets link, attachment, sticker) for `intent`. Adds exactly one
  // kMentionMark when `mention` is set (the caller appends the person to m->mentions); bot
  // intents that name someone always take a mention.
  void Fill(Intent intent, bool mention, ChatMessage* m);

 private:
  void Expand(std::string_view pattern, ChatMessage* m);
  void AddExtras(Intent intent, ChatMessage* m);
  std::string_view Pick(std::span<const std::string_view> list);

  Topic topic_;
  Rng rng_;
};

}  // namespace meshcheck::gen
