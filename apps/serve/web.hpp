#pragma once
// What the pages of electsec-serve share: the app's state (catalog, store connections,
// sessions), HTML building blocks, SVG charts and form parsing. Built on the public API only.
#include <electsec/electsec.hpp>

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace serve {

/// Open Store connections, one per request at a time (a Store must not be shared by two
/// threads); each recording call of a Store is its own SQLite transaction, so requests that
/// write at once lose nothing.
class StorePool {
 public:
  StorePool(std::string path, const electsec::Catalog& catalog) : path_(std::move(path)), catalog_(catalog) {}
  /// A connection for the caller alone until the lease ends.
  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<electsec::Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    electsec::Store& operator*() const { return *store_; }
    electsec::Store* operator->() const { return store_.get(); }

   private:
    StorePool& pool_;
    std::unique_ptr<electsec::Store> store_;
  };
  Lease lease();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  const electsec::Catalog& catalog_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<electsec::Store>> idle_;
};

/// Everything a page handler reads.
struct App {
  const electsec::Catalog& catalog;
  StorePool stores;
};

/// The signed-in browser a request comes from: its form token. Requests that carry the
/// access token as a bearer token have no session and need no form token.
struct Session {
  std::string csrf;  ///< empty for bearer requests
};

/// A request that cannot be served as asked: its status and a one-line message for the page.
struct HttpError {
  int status;
  std::string message;
};

/// \name Text
//@{
std::string esc(std::string_view text);             ///< HTML text and attribute values
std::string url_encode(std::string_view text);      ///< a path segment or query value
std::string percent(double fraction);               ///< "42%"
std::string decimal(double fraction, int digits);   ///< "0.42"
std::string words(std::string_view name);           ///< a canonical name for people: "in_scope" -> "in scope"
std::string status_words(electsec::Status status);  ///< "not started", "done", ...
//@}

/// \name Forms and queries
//@{
/// The fields of an application/x-www-form-urlencoded body (each name once: the last wins).
/// A field that is not UTF-8 text is a 400 naming it.
std::map<std::string, std::string> parse_form(std::string_view body);
/// A query parameter, or ""; one that is not UTF-8 text is a 400 naming it.
std::string query(const httplib::Request& req, const std::string& name);
/// A date query parameter: "" or YYYY-MM-DD of the years 1970 to 9999; anything else is a 400.
std::string date_param(const httplib::Request& req, const std::string& name);
/// The day `days` days before the day `date` (YYYY-MM-DD).
std::string days_before(const std::string& date, int days);
/// A text as a form field shows it (on one line, control characters as escapes) and so as
/// the browser sends it back unchanged: a note that comes back like this was not edited.
std::string as_shown(std::string_view text);
/// The number of characters (code points) of UTF-8 text.
std::size_t characters(std::string_view text);
/// A CSV cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a
/// carriage return) gets a leading apostrophe, so that it is shown as text.
std::string spreadsheet_safe(const std::string& cell);
//@}

/// \name Pages
//@{
/// Which part of the app a page belongs to, for the navigation bar.
enum class Section { home, state, guide };
/// A whole page: the layout around `body`.
std::string page(const std::string& title, Section section, const std::string& body);
/// A hidden field with the session's form token (nothing for bearer requests).
std::string csrf_field(const Session& session);
/// A bar 0..1 as inline SVG, with its label beside it.
std::string meter(double fraction, const std::string& label);
/// A line chart of series of 0..1 values over the same periods, as inline SVG.
struct Series {
  std::string name;
  std::string css_class;
  std::vector<std::optional<double>> values;
};
std::string line_chart(const std::vector<std::string>& periods, const std::vector<Series>& series,
                       const std::string& caption);
/// Vertical bars of counts with their labels, as inline SVG.
std::string count_bars(const std::vector<std::pair<std::string, std::size_t>>& bars, const std::string& caption);
/// A table of rows of HTML cells (already escaped).
std::string html_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                       const std::string& css_class = "");
/// A link to a guide page for a practice or Safeguard id.
std::string practice_link(const electsec::Catalog& catalog, const std::string& id);
std::string safeguard_link(const std::string& id);
//@}

/// \name Routes (each registers its pages on the server)
//@{
using Handler = std::function<void(const httplib::Request&, httplib::Response&, const Session&)>;
/// Registers a GET or POST route; POST routes check the form token.
using Router = std::function<void(const std::string& method, const std::string& pattern, Handler handler)>;
/// A page function of the app as a Handler.
using PageFunction = void (*)(App&, const httplib::Request&, httplib::Response&, const Session&);
Handler bind(App& app, PageFunction f);
void add_county_routes(App& app, const Router& route);
void add_state_routes(App& app, const Router& route);
void add_guide_routes(App& app, const Router& route);
//@}

/// Send `body` as an HTML page, a file to download, or a redirect.
void send_html(httplib::Response& res, const std::string& body, int status = 200);
void send_download(httplib::Response& res, const std::string& body, const std::string& type,
                   const std::string& filename);
void redirect(httplib::Response& res, const std::string& location);

/// The style sheet, served at /static/style.css.
extern const char* const style_css;

}  // namespace serve
