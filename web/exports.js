// What the user takes away: file downloads (a Blob saved under a name, never uploaded) and the
// members CSV built from the report when the core's own (Session.membersCsv) is missing.

// Saves `blob` as `fileName` through a temporary object URL.
export function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const kColumns = [
  'id', 'roles', 'messages', 'replies_to_members', 'replies_received', 'peer_answers',
  'people_answered', 'active_weeks', 'first_day', 'last_day'
];

// One CSV cell: formula-injection safe (a leading = + - @, tab or CR gets a single quote) and
// RFC 4180 quoted when needed.
export function csvCell(value) {
  let text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
  if (/^[=+\-@\t\r]/.test(text))
    text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// The members CSV of report.members.top (the columns of Session::MembersCsv), or null.
export function membersCsvFromReport(report) {
  const top = report.members?.top;
  if (!Array.isArray(top))
    return null;
  const rows =
      [kColumns.join(','), ...top.map((m) => kColumns.map((c) => csvCell(m[c])).join(','))];
  return `${rows.join('\r\n')}\r\n`;
}
