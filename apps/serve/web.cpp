// The building blocks of electsec-serve's pages: connections, text, forms, layout, charts.
#include "web.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <sstream>

namespace serve {

using namespace electsec;

StorePool::Lease::~Lease() {
  std::lock_guard<std::mutex> lock(pool_.mutex_);
  pool_.idle_.push_back(std::move(store_));
}

StorePool::Lease StorePool::lease() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  // Many requests may write at once: a writer waits longer for the others than a command
  // would before the request fails (503, nothing recorded).
  return Lease(*this, std::make_unique<Store>(Store::open(path_, catalog_, std::chrono::seconds(30))));
}

// html_escape also shows control characters and bidirectional overrides as escapes
// ("\\u202e"), so a name cannot make the text around it read backwards.
std::string esc(std::string_view text) { return html_escape(text); }

std::string url_encode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string percent(double fraction) { return std::to_string(static_cast<int>(std::lround(fraction * 100))) + "%"; }

std::string decimal(double value, int digits) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

std::string words(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string status_words(Status status) { return words(to_string(status)); }

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string form_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}
}  // namespace

namespace {
bool is_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n;
  }
  return true;
}

std::string checked(const std::string& name, std::string value) {
  if (!is_utf8(name) || !is_utf8(value)) throw HttpError{400, printable(name) + ": not UTF-8 text"};
  return value;
}
}  // namespace

std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string as_shown(std::string_view text) {
  std::string flat(text);
  for (char& c : flat)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return printable(flat);
}

std::string spreadsheet_safe(const std::string& cell) {
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos) return "'" + cell;
  return cell;
}

std::map<std::string, std::string> parse_form(std::string_view body) {
  std::map<std::string, std::string> fields;
  while (!body.empty()) {
    const std::size_t amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string name = form_decode(pair.substr(0, eq));
    fields[name] = checked(name, eq == std::string_view::npos ? "" : form_decode(pair.substr(eq + 1)));
  }
  return fields;
}

std::string query(const httplib::Request& req, const std::string& name) {
  return req.has_param(name) ? checked(name, req.get_param_value(name)) : std::string{};
}

std::string date_param(const httplib::Request& req, const std::string& name) {
  std::string value = query(req, name);
  if (!value.empty() && (value.size() != 10 || !is_iso_timestamp(value) || value < "1970-01-01"))
    throw HttpError{400, name + ": expected a date YYYY-MM-DD from 1970 on, found '" + value + "'"};
  return value;
}

std::string days_before(const std::string& date, int days) {
  std::tm tm{};
  tm.tm_year = std::stoi(date.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(date.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(date.substr(8, 2)) - days;
  tm.tm_hour = 12;
  const std::time_t t = timegm(&tm);
  std::tm out{};
  gmtime_r(&t, &out);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", out.tm_year + 1900, out.tm_mon + 1, out.tm_mday);
  return buffer;
}

std::string page(const std::string& title, Section section, const std::string& body) {
  auto nav = [&](Section s, const char* href, const char* label) {
    return std::string("<a href=\"") + href + "\"" + (s == section ? " aria-current=\"page\"" : "") + ">" + label +
           "</a>";
  };
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" +
         esc(title) +
         " · electsec</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" "
         "href=\"/static/style.css\"></head>\n<body>"
         "<header><nav><span class=\"brand\">electsec</span>" +
         nav(Section::home, "/", "Offices") + nav(Section::state, "/state", "State dashboard") +
         nav(Section::guide, "/guide", "Guide") + "</nav></header>\n<main>\n<h1>" + esc(title) + "</h1>\n" + body +
         "</main>\n<footer>electsec " + std::string(electsec::version_string) + " · " +
         esc(electsec::default_catalog().guide().title) + " " + esc(electsec::default_catalog().guide().version) +
         "</footer></body></html>\n";
}

std::string csrf_field(const Session& session) {
  return session.csrf.empty() ? "" : "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(session.csrf) + "\">";
}

std::string meter(double fraction, const std::string& label) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  const int width = 120;
  const int filled = static_cast<int>(std::lround(fraction * width));
  return "<span class=\"meter\"><svg width=\"" + std::to_string(width) + "\" height=\"12\" role=\"img\" aria-label=\"" +
         esc(label) + "\"><rect class=\"track\" width=\"" + std::to_string(width) +
         "\" height=\"12\"/><rect class=\"fill\" width=\"" + std::to_string(filled) + "\" height=\"12\"/></svg> " +
         esc(label) + "</span>";
}

std::string line_chart(const std::vector<std::string>& periods, const std::vector<Series>& series,
                       const std::string& caption) {
  if (periods.empty()) return "<p class=\"empty\">No history to draw yet.</p>";
  const double w = 640, h = 240, left = 44, right = 36, top = 12, bottom = 40;
  const double plot_w = w - left - right, plot_h = h - top - bottom;
  auto x = [&](std::size_t i) {
    return left + (periods.size() == 1 ? plot_w / 2 : plot_w * static_cast<double>(i) / (periods.size() - 1));
  };
  auto y = [&](double v) { return top + plot_h * (1 - std::clamp(v, 0.0, 1.0)); };
  std::ostringstream svg;
  svg << "<figure class=\"chart\"><svg viewBox=\"0 0 " << w << ' ' << h << "\" role=\"img\" aria-label=\""
      << esc(caption) << "\">";
  for (int tick = 0; tick <= 4; ++tick) {
    const double v = tick / 4.0;
    svg << "<line class=\"grid\" x1=\"" << left << "\" x2=\"" << w - right << "\" y1=\"" << y(v) << "\" y2=\"" << y(v)
        << "\"/><text class=\"axis\" x=\"" << left - 6 << "\" y=\"" << y(v) + 4 << "\" text-anchor=\"end\">"
        << tick * 25 << "%</text>";
  }
  const std::size_t step = std::max<std::size_t>(1, (periods.size() + 7) / 8);
  for (std::size_t i = 0; i < periods.size(); i += step)
    svg << "<text class=\"axis\" x=\"" << x(i) << "\" y=\"" << h - bottom + 16 << "\" text-anchor=\"middle\">"
        << esc(periods[i]) << "</text>";
  for (const auto& s : series) {
    std::string points;
    for (std::size_t i = 0; i < s.values.size() && i < periods.size(); ++i) {
      if (!s.values[i]) continue;
      points += decimal(x(i), 1) + "," + decimal(y(*s.values[i]), 1) + " ";
      svg << "<circle class=\"" << esc(s.css_class) << "\" cx=\"" << x(i) << "\" cy=\"" << y(*s.values[i])
          << "\" r=\"3\"><title>" << esc(s.name) << ", " << esc(periods[i]) << ": " << percent(*s.values[i])
          << "</title></circle>";
    }
    svg << "<polyline class=\"" << esc(s.css_class) << "\" fill=\"none\" points=\"" << points << "\"/>";
  }
  svg << "</svg><figcaption>" << esc(caption);
  for (const auto& s : series) svg << " <span class=\"key " << esc(s.css_class) << "\">" << esc(s.name) << "</span>";
  svg << "</figcaption></figure>";
  return svg.str();
}

std::string count_bars(const std::vector<std::pair<std::string, std::size_t>>& bars, const std::string& caption) {
  std::size_t most = 1;
  for (const auto& b : bars) most = std::max(most, b.second);
  const double w = 360, h = 180, bottom = 24, top = 18;
  const double slot = w / std::max<std::size_t>(1, bars.size());
  std::ostringstream svg;
  svg << "<figure class=\"chart small\"><svg viewBox=\"0 0 " << w << ' ' << h << "\" role=\"img\" aria-label=\""
      << esc(caption) << "\">";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double bar_h = (h - bottom - top) * static_cast<double>(bars[i].second) / static_cast<double>(most);
    const double bx = slot * i + slot * 0.2;
    svg << "<rect class=\"bar\" x=\"" << bx << "\" y=\"" << h - bottom - bar_h << "\" width=\"" << slot * 0.6
        << "\" height=\"" << bar_h << "\"/><text class=\"axis\" x=\"" << bx + slot * 0.3 << "\" y=\""
        << h - bottom - bar_h - 4 << "\" text-anchor=\"middle\">" << bars[i].second
        << "</text><text class=\"axis\" x=\"" << bx + slot * 0.3 << "\" y=\"" << h - 6 << "\" text-anchor=\"middle\">"
        << esc(bars[i].first) << "</text>";
  }
  svg << "</svg><figcaption>" << esc(caption) << "</figcaption></figure>";
  return svg.str();
}

std::string html_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                       const std::string& css_class) {
  if (rows.empty()) return "<p class=\"empty\">Nothing to list.</p>";
  std::string out =
      "<div class=\"scroll\"><table" + (css_class.empty() ? "" : " class=\"" + css_class + "\"") + "><thead><tr>";
  for (const auto& h : headers) out += "<th scope=\"col\">" + esc(h) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& row : rows) {
    out += "<tr>";
    for (const auto& cell : row) out += "<td>" + cell + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table></div>";
}

std::string practice_link(const Catalog& catalog, const std::string& id) {
  return "<a href=\"/guide/practice/" + url_encode(id) + "\">" + esc(catalog.practice(id).title) + "</a>";
}

std::string safeguard_link(const std::string& id) {
  return "<a href=\"/guide/safeguard/" + url_encode(id) + "\">" + esc(id) + "</a>";
}

Handler bind(App& app, PageFunction f) {
  return [&app, f](const httplib::Request& req, httplib::Response& res, const Session& s) { f(app, req, res, s); };
}

void send_html(httplib::Response& res, const std::string& body, int status) {
  res.status = status;
  res.set_content(body, "text/html; charset=utf-8");
}

void send_download(httplib::Response& res, const std::string& body, const std::string& type,
                   const std::string& filename) {
  res.status = 200;
  res.set_content(body, type);
  res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
}

void redirect(httplib::Response& res, const std::string& location) {
  res.status = 303;
  res.set_header("Location", location);
}

}  // namespace serve
