#pragma once
/// \file
/// The catalog JSON format ("electsec.catalog/1", docs/catalog-format.md): read and write.

#include <electsec/export.hpp>
#include <electsec/catalog.hpp>
#include <electsec/limits.hpp>

#include <ostream>
#include <string>
#include <type_traits>
#include <string_view>

namespace electsec {

/// The schema string a catalog document carries.
inline constexpr std::string_view catalog_schema = "electsec.catalog/1";

/// Parse a catalog document and build (validate) the Catalog.
/// Throws ParseError (source, line, column, JSON pointer of the field, what was
/// expected) for malformed JSON, wrong types, unknown fields or enum strings; throws
/// ValidationError when the content is well-formed but inconsistent. `source` names the
/// text in messages.
ELECTSEC_API Catalog parse_catalog(std::string_view text, std::string_view source = "<string>");

/// Read `path` and parse it as above. Throws Error when the file cannot be read.
ELECTSEC_API Catalog load_catalog(const std::string& path);

/// The catalog as a document of the catalog format: `parse_catalog(to_json(c)) == c`.
/// `indent` < 0 gives the most compact form.
ELECTSEC_API std::string to_json(const Catalog& catalog, int indent = 2);

/// The same text written to `out` as it is made, a piece of 64 KiB at a time: the whole
/// document is never held in memory. Throws what to_json throws for what it refuses (an
/// indent over max_json_indent, before writing; a string that is not UTF-8, when the writer
/// reaches it: the pieces before it have been written, so write a file through
/// write_file_atomically(path, writer), which then leaves it untouched). Throws what `out`
/// throws when it fails (set `out.exceptions(std::ios::badbit)` for that); else check `out`.
ELECTSEC_API void write_json(std::ostream& out, const Catalog& catalog, int indent = 2);

/// One value of the catalog format as JSON text, keys in the documented order; the same
/// value always gives the same bytes. `indent` spaces per level (at most
/// max_json_indent); a negative indent gives one line. Throws Error for a larger indent.
ELECTSEC_API std::string to_json(const GuideInfo& value, int indent = 2);
ELECTSEC_API std::string to_json(const MaturityLevel& value,
                                 int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const MaturityStatement& value,
                                 int indent = 2);                       ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Goal& value, int indent = 2);    ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Action& value, int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Paragraph& value,
                                 int indent = 2);                     ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Tool& value, int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Link& value, int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const SafeguardMapping& value,
                                 int indent = 2);                           ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Practice& value, int indent = 2);    ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Control& value, int indent = 2);     ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Safeguard& value, int indent = 2);   ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Worksheet& value, int indent = 2);   ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const CdmRank& value, int indent = 2);     ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Priorities& value, int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const HandbookPractice& value,
                                 int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const GlossaryEntry& value,
                                 int indent = 2);                        ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Acronym& value, int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const GuidanceSource& value,
                                 int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const RelatedPractice& value,
                                 int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Recommendation& value,
                                 int indent = 2);                         ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Guidance& value, int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const ConnectednessClass& value,
                                 int indent = 2);                           ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const SystemRisk& value, int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const ComponentConnection& value,
                                 int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const ComponentVariant& value,
                                 int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const SystemComponent& value,
                                 int indent = 2);                           ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const Primer& value, int indent = 2);      ///< \copydoc to_json(const GuideInfo&, int)
ELECTSEC_API std::string to_json(const SystemLink& value, int indent = 2);  ///< \copydoc to_json(const GuideInfo&, int)

/// The value of type T that `text` holds, checked field by field as the catalog loader
/// checks it; throws ParseError naming the source, line, column and field. Defined for
/// every type with a `to_json` above, for the plans, plan steps, scorecards, rollups and
/// office summaries of results_json.hpp, and for Jurisdiction and ActionStatus
/// (assessment_json.hpp); any other type does not compile. (MaturityResult and CatalogDiff
/// are written only; assessments are read by parse_assessment.) References between
/// values (a practice's Safeguards) are not resolved: that needs a whole catalog.
template <typename T>
T from_json(std::string_view /* text */, std::string_view /* source */ = "<string>") {
  static_assert(!std::is_same_v<T, T>,
                "from_json<T>: T must be a catalog value (catalog_json.hpp), a plan, plan step, scorecard, rollup or "
                "office summary (include results_json.hpp), or a Jurisdiction or ActionStatus (include "
                "assessment_json.hpp)");
  return T{};
}

/// \cond ELECTSEC_SPECIALISATIONS
#define ELECTSEC_FROM_JSON(T) \
  template <>                 \
  ELECTSEC_API T from_json<T>(std::string_view text, std::string_view source);
ELECTSEC_FROM_JSON(GuideInfo)
ELECTSEC_FROM_JSON(MaturityLevel)
ELECTSEC_FROM_JSON(MaturityStatement)
ELECTSEC_FROM_JSON(Goal)
ELECTSEC_FROM_JSON(Action)
ELECTSEC_FROM_JSON(Paragraph)
ELECTSEC_FROM_JSON(Tool)
ELECTSEC_FROM_JSON(Link)
ELECTSEC_FROM_JSON(SafeguardMapping)
ELECTSEC_FROM_JSON(Practice)
ELECTSEC_FROM_JSON(Control)
ELECTSEC_FROM_JSON(Safeguard)
ELECTSEC_FROM_JSON(Worksheet)
ELECTSEC_FROM_JSON(CdmRank)
ELECTSEC_FROM_JSON(Priorities)
ELECTSEC_FROM_JSON(HandbookPractice)
ELECTSEC_FROM_JSON(GlossaryEntry)
ELECTSEC_FROM_JSON(Acronym)
ELECTSEC_FROM_JSON(GuidanceSource)
ELECTSEC_FROM_JSON(RelatedPractice)
ELECTSEC_FROM_JSON(Recommendation)
ELECTSEC_FROM_JSON(Guidance)
ELECTSEC_FROM_JSON(ConnectednessClass)
ELECTSEC_FROM_JSON(SystemRisk)
ELECTSEC_FROM_JSON(ComponentConnection)
ELECTSEC_FROM_JSON(ComponentVariant)
ELECTSEC_FROM_JSON(SystemComponent)
ELECTSEC_FROM_JSON(Primer)
ELECTSEC_FROM_JSON(SystemLink)
#undef ELECTSEC_FROM_JSON
/// \endcond

}  // namespace electsec
