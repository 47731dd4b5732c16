#include "ingest/reader.h"

#include "ingest/discord_csv.h"
#include "ingest/discord_json.h"
#include "ingest/discord_text.h"
#include "ingest/discourse_json.h"
#include "ingest/generic_csv.h"
#include "ingest/mbox.h"
#include "ingest/messenger_json.h"
#include "ingest/reddit_ndjson.h"
#include "ingest/slack.h"
#include "ingest/telegram_json.h"
#include "ingest/whatsapp_text.h"
#include "ingest/youtube.h"
#include "ingest/zip.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeReader(Format format, const ReaderContext& context) {
  switch (format) {
    case Format::kZip:
      return MakeZipReader(context);
    case Format::kDiscordJson:
      return MakeDiscordJsonReader(context);
    case Format::kDiscordCsv:
      return MakeDiscordCsvReader(context);
    case Format::kDiscordText:
      return MakeDiscordTextReader(context);
    case Format::kSlack:
      return MakeSlackReader(context);
    case Format::kTelegramJson:
      return MakeTelegramJsonReader(context);
    case Format::kWhatsAppText:
      return MakeWhatsAppTextReader(context);
    case Format::kMessengerJson:
      return MakeMessengerJsonReader(context);
    case Format::kRedditNdjson:
      return MakeRedditNdjsonReader(context);
    case Format::kMbox:
      return MakeMboxReader(context);
    case Format::kDiscourseJson:
      return MakeDiscourseJsonReader(context);
    case Format::kYouTubeJson:
      return MakeYouTubeJsonReader(context);
    case Format::kYouTubeCsv:
      return MakeYouTubeCsvReader(context);
    case Format::kGenericCsv:
      return MakeGenericCsvReader(context);
    case Format::kAuto:
      break;
  }
  return nullptr;
}

}  // namespace meshcheck::ingest
