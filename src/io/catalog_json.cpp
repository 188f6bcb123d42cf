#include <electsec/catalog_json.hpp>
#include <electsec/error.hpp>

#include "file.hpp"
#include "json_codec.hpp"
#include "json_writer.hpp"

namespace electsec {

Catalog parse_catalog(std::string_view text, std::string_view source) {
  const detail::json doc = detail::parse_json(text, source);
  try {
    return CatalogBuilder(detail::decode_catalog(doc)).build();
  } catch (const detail::DecodeError& e) {
    throw detail::located(e, text, source);
  }
}

Catalog load_catalog(const std::string& path) {
  const std::string text = detail::read_file(path);
  try {
    return parse_catalog(text, path);
  } catch (const ValidationError& e) {
    // Name the file in the summary; the problems stay as they are.
    throw ValidationError(e.problems(), path + ": catalog is inconsistent (" + std::to_string(e.problems().size()) +
                                            (e.problems().size() == 1 ? " problem)" : " problems)"));
  }
}

std::string to_json(const Catalog& catalog, int indent) {
  std::string text;
  if (indent > max_json_indent) {
    text = detail::dump(detail::json(), indent);  // the tree route's error, as ever
  } else {
    try {
      text = detail::write_catalog_json(catalog.data(), indent);
    } catch (const detail::JsonWriter::NotUtf8&) {  // the tree route says which byte
      text = detail::dump(detail::encode(catalog.data()), indent);
    }
  }
  if (indent >= 0) text += '\n';
  return text;
}

void write_json(std::ostream& out, const Catalog& catalog, int indent) {
  if (indent > max_json_indent) (void)detail::dump(detail::json(), indent);  // the tree route's error, as ever
  try {
    detail::write_catalog_json(catalog.data(), indent, [&](std::string_view piece) {
      out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    });
  } catch (const detail::JsonWriter::NotUtf8&) {  // the tree route says which byte
    (void)detail::dump(detail::encode(catalog.data()), indent);
    throw;  // (not reached: the tree refuses what the writer refuses)
  }
  if (indent >= 0) out.put('\n');
}

// Each value of the format: the shared encoder and decoder, as text.
#define ELECTSEC_VALUE_CODEC(T) ELECTSEC_DEFINE_TO_JSON(T) ELECTSEC_DEFINE_FROM_JSON(T)
ELECTSEC_VALUE_CODEC(GuideInfo)
ELECTSEC_VALUE_CODEC(MaturityLevel)
ELECTSEC_VALUE_CODEC(MaturityStatement)
ELECTSEC_VALUE_CODEC(Goal)
ELECTSEC_VALUE_CODEC(Action)
ELECTSEC_VALUE_CODEC(Paragraph)
ELECTSEC_VALUE_CODEC(Tool)
ELECTSEC_VALUE_CODEC(Link)
ELECTSEC_VALUE_CODEC(SafeguardMapping)
ELECTSEC_VALUE_CODEC(Practice)
ELECTSEC_VALUE_CODEC(Control)
ELECTSEC_VALUE_CODEC(Safeguard)
ELECTSEC_VALUE_CODEC(Worksheet)
ELECTSEC_VALUE_CODEC(CdmRank)
ELECTSEC_VALUE_CODEC(Priorities)
ELECTSEC_VALUE_CODEC(HandbookPractice)
ELECTSEC_VALUE_CODEC(GlossaryEntry)
ELECTSEC_VALUE_CODEC(Acronym)
ELECTSEC_VALUE_CODEC(GuidanceSource)
ELECTSEC_VALUE_CODEC(RelatedPractice)
ELECTSEC_VALUE_CODEC(Recommendation)
ELECTSEC_VALUE_CODEC(Guidance)
ELECTSEC_VALUE_CODEC(ConnectednessClass)
ELECTSEC_VALUE_CODEC(SystemRisk)
ELECTSEC_VALUE_CODEC(ComponentConnection)
ELECTSEC_VALUE_CODEC(ComponentVariant)
ELECTSEC_VALUE_CODEC(SystemComponent)
ELECTSEC_VALUE_CODEC(Primer)
ELECTSEC_VALUE_CODEC(SystemLink)
#undef ELECTSEC_VALUE_CODEC

}  // namespace electsec
