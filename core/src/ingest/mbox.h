// Mailing-list reader (FORMATS.md section 7): mbox files and Pipermail text archives (the
// monthly "2015-November.txt"), which are mbox with obfuscated addresses.
//
// Contracts:
// - Chunks may split anywhere; the events never depend on the split. Memory: the longest line,
//   the headers kept of one message, and one thread root per distinct subject; bodies are only
//   measured (text_bytes = bytes of the body lines, MIME parts not decoded).
// - A message starts at a "From " line that names a sender and an asctime date
//   ("From user at domain  Fri Jan  8 11:01:14 2010") and is followed by a header line; any
//   other "From " line (Pipermail does not escape them) is body text.
// - One channel per file: keyed "list:" + the List-Id of the first message, else "mbox:" + the
//   file name without extension.
// - Message ids are the Message-ID without angle brackets. A message replies to the first <id>
//   of In-Reply-To (junk around it is ignored), else to the last <id> of References. Its thread
//   is the first <id> of References; a message with neither header joins the thread of an
//   earlier message with the same subject (ignoring "Re:"/"Fwd:" and "[List]" prefixes).
// - The person key is the lower-cased address ("user at domain" -> user@domain); an address
//   mangled beyond repair ("@d|rk@e @end|ng |rom g@m@@com (Steven Dirkse)") leaves the key empty
//   so the name is the key. Names come from "Name <addr>" or "addr (Name)", with RFC 2047
//   encoded-words decoded. List software and robots (-bounces, -request, mailman, noreply,
//   mailer-daemon, ...) are bots; list owners (-owner, -admin) are host hints.
// - Dates: the Date header (RFC 2822, lenient: base/time.h ParseRfc2822); without a readable
//   one, the "From " line's date (counted diagnostic). A date without a zone reads as UTC
//   (counted info).
// - Errors: no message at all, or more than 100 lines before the first one, is
//   kUnsupportedFormat "ingest.mbox.not_mbox"; a line over 16 MiB is kLimitExceeded
//   "ingest.mbox.line_too_long". A file ending inside the headers of its last message keeps it,
//   with the diagnostic "ingest.mbox.truncated".
#pragma once

#include <memory>

#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeMboxReader(const ReaderContext& context);
// Yes when the first non-blank line is a "From " separator (as above) and a header line
// follows it.
bool SniffMbox(const Head& head);

}  // namespace meshcheck::ingest
