#pragma once

namespace meshcheck {

inline constexpr const char kVersion[] = "0.1.0";
// The report's "schema" field; see core/schema/report.v1.schema.json.
inline constexpr const char kReportSchema[] = "meshcheck.report/v1";

}  // namespace meshcheck
