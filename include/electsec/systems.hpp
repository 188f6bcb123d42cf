#pragma once
/// \file
/// An office's risk picture: from its system profile (Assessment::systems), the risks the
/// guide's primer names for the kinds of system it runs, and the practices that address
/// them, ranked in the guide's own plan order.
///
/// The links from systems to practices are electsec's, not the guide's: the guide lists a
/// component's risks but never says which practice answers them. Every link carries its
/// provenance ("electsec"), and every front end shows it beside the link's reason
/// (`editorial_reason`), so a reader can always tell electsec's judgement from the guide's.
///
/// **Example**
/// \code
/// Assessment office = load_assessment("office.json", default_catalog());
/// office.add_system(default_catalog(), "pollbooks", Connectedness::indirect);
/// const RiskPicture picture = risk_picture(default_catalog(), office);
/// for (const SystemPractice& p : picture.practices) std::cout << p.practice << '\n';
/// \endcode

#include <electsec/export.hpp>
#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>

#include <string>
#include <vector>

namespace electsec {

/// What the guide's primer says about one entry of an office's profile.
struct ELECTSEC_API SystemUseRisks {
  SystemUse use;                   ///< the entry of the profile
  bool occurs = true;              ///< false where the guide says this connectedness does not occur for the component
  std::string connection;          ///< the guide's connection-table text for the component and class; may be empty
  std::vector<std::string> risks;  ///< SystemRisk ids that apply, in the guide's order; none for `Connectedness::none`
  bool operator==(const SystemUseRisks& o) const;  ///< Equal when every field is equal.
};

/// One of electsec's editorial links (a SystemLink) as it applies to one entry of a profile.
struct ELECTSEC_API SystemPracticeLink {
  std::string component;                                 ///< the profile entry's component
  Connectedness connectedness = Connectedness::network;  ///< the profile entry's connectedness
  std::string subject;     ///< what the link starts from: the component id, a risk id or the connectedness string
  std::string reason;      ///< why the practice addresses it, in the project's words
  std::string provenance;  ///< who draws the link: "electsec", never the guide
  bool operator==(const SystemPracticeLink& o) const;  ///< Equal when every field is equal.
};

/// A practice that addresses an office's systems, with every link that brought it in.
struct ELECTSEC_API SystemPractice {
  std::string practice;                   ///< EGES practice id
  Scope scope = Scope::in_scope;          ///< the practice's scope at the picture's maturity
  int plan_rank = 0;                      ///< rank of the first step of the guide's plan (nothing recorded) listing one
                                          ///< of its actions; 0 when no step does (out of scope)
  std::vector<SystemPracticeLink> links;  ///< every link that brought it in, in profile then catalog order
  bool operator==(const SystemPractice& o) const;  ///< Equal when every field is equal.
};

/// The risks that apply to an office's systems and the practices that address them.
struct ELECTSEC_API RiskPicture {
  Maturity maturity = Maturity::level1;      ///< the level the practices are ranked for
  std::vector<SystemUseRisks> systems;       ///< one per profile entry, in the profile's order
  std::vector<SystemPractice> practices;     ///< in scope at `maturity`, in the guide's plan order
  std::vector<SystemPractice> out_of_scope;  ///< linked, but out of scope at `maturity`: in index order, never dropped
  bool operator==(const RiskPicture& o) const;  ///< Equal when every field is equal.
};

/// The risk picture of a profile at `maturity`. For each entry: the component's risks as
/// the primer lists them when it is network, indirectly or transmission connected, none
/// when it is not connected (the guide: such parts do not face the same cyber risks); the
/// connection-table row and whether the guide says that class occurs for the component.
/// Practices come from electsec's system links (Catalog::system_links) whose subject is
/// the entry's component, one of its applicable risks, or its connectedness class; they are
/// ranked by the guide's plan for `maturity` (build_plan without an assessment). Throws
/// NotFound (closest ids) for a component the catalog's primer lacks. Pure.
ELECTSEC_API RiskPicture risk_picture(const Catalog& catalog, const std::vector<SystemUse>& systems, Maturity maturity);
/// The risk picture of an assessment's profile at its own maturity.
ELECTSEC_API RiskPicture risk_picture(const Catalog& catalog, const Assessment& assessment);

/// A link's reason marked with who draws it: "electsec: <reason>". Every front end shows
/// an editorial link this way (or, in JSON, with its `provenance` field).
ELECTSEC_API std::string editorial_reason(const SystemPracticeLink& link);

/// The uses of the profile a practice addresses, shown once each in profile order:
/// "vote_capture (indirect), pollbooks (none)".
ELECTSEC_API std::string addressed_uses(const SystemPractice& practice);

}  // namespace electsec
