// electsec-serve: the county form, the state dashboard and the guide in a browser, from a
// history store, on this machine. Server-rendered HTML and inline SVG; no script.
#include "web.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <pthread.h>
#include <thread>
#include <unordered_map>

namespace {

using namespace electsec;
using serve::HttpError;
using serve::Session;

const char* const usage_text =
    "usage: electsec-serve STORE [--create] [--listen ADDRESS] [--port N] [--max-rate N] [--quiet]\n"
    "\n"
    "Serves the office forms, the state dashboard and the guide for the history store STORE\n"
    "to a browser on this machine. It prints an address with an access token: open it to sign\n"
    "in (the browser then keeps a session cookie).\n"
    "\n"
    "  --create          create STORE when it does not exist\n"
    "  --listen ADDRESS  the address to listen on (default 127.0.0.1, this machine only)\n"
    "  --port N          the port (default 8080; 0 picks a free one)\n"
    "  --max-rate N      requests per second one client address may make (default 200)\n"
    "  --quiet           print only the address, not each failed request\n";

struct Options {
  std::string store;
  bool create = false;
  std::string listen = "127.0.0.1";
  int port = 8080;
  double max_rate = 200;
  bool quiet = false;
};

struct UsageError {
  std::string message;
};

int number_option(const std::string& name, const std::string& value, int low, int high) {
  if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(value) < low || std::stoi(value) > high)
    throw UsageError{name + ": expected a whole number from " + std::to_string(low) + " to " + std::to_string(high) +
                     ", found '" + value + "'"};
  return std::stoi(value);
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw UsageError{arg + " needs a value"};
      return argv[++i];
    };
    if (arg == "--help" || arg == "-h") {
      std::cout << usage_text;
      std::exit(0);
    } else if (arg == "--create") {
      o.create = true;
    } else if (arg == "--quiet") {
      o.quiet = true;
    } else if (arg == "--listen") {
      o.listen = value();
    } else if (arg == "--port") {
      o.port = number_option(arg, value(), 0, 65535);
    } else if (arg == "--max-rate") {
      o.max_rate = number_option(arg, value(), 1, 1000000);
    } else if (!arg.empty() && arg[0] == '-') {
      throw UsageError{"unknown option '" + arg + "'"};
    } else if (o.store.empty()) {
      o.store = arg;
    } else {
      throw UsageError{"one store only; '" + arg + "' is one too many"};
    }
  }
  if (o.store.empty()) throw UsageError{"name the history store to serve"};
  return o;
}

bool is_loopback(const std::string& address) {
  in_addr v4{};
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  return address == "::1" || address == "localhost";
}

// 32 random bytes from the kernel, as hex.
std::string random_token() {
  std::ifstream in("/dev/urandom", std::ios::binary);
  unsigned char bytes[32];
  if (!in.read(reinterpret_cast<char*>(bytes), sizeof bytes)) throw IoError("/dev/urandom", "cannot read");
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) out += hex[b >> 4], out += hex[b & 15];
  return out;
}

// Equal strings, in a time that does not depend on where they differ.
bool same_secret(const std::string& given, const std::string& secret) {
  if (secret.empty() || given.size() != secret.size()) return false;  // the length is no secret
  unsigned char diff = 0;
  for (std::size_t i = 0; i < secret.size(); ++i) diff |= static_cast<unsigned char>(given[i] ^ secret[i]);
  return diff == 0;
}

// Signed-in browsers (a bounded number: the oldest is forgotten first) and the request rate
// of each client address.
class Guard {
 public:
  Guard(std::string token, double max_rate) : token_(std::move(token)), max_rate_(max_rate) {}

  const std::string& token() const { return token_; }

  // A new session; its id goes into the cookie.
  std::pair<std::string, Session> sign_in() {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string id = random_token();
    const Session session{random_token()};
    sessions_[id] = session;
    order_.push_back(id);
    while (order_.size() > 1000) {
      sessions_.erase(order_.front());
      order_.pop_front();
    }
    return {id, session};
  }

  // The session a request belongs to: from its cookie, or a bearer token (no form token).
  std::optional<Session> session_of(const httplib::Request& req) const {
    std::string key;
    return session_of(req, key);
  }

  // The same, with `key` set to what the request's rate is counted by: its session, the
  // bearer token, or (not signed in) its address.
  std::optional<Session> session_of(const httplib::Request& req, std::string& key) const {
    key = "address " + req.remote_addr;
    std::string auth = req.get_header_value("Authorization");
    for (std::size_t i = 0; i < auth.size() && i < 7; ++i) auth[i] = static_cast<char>(std::tolower(auth[i]));
    if (auth.rfind("bearer ", 0) == 0 && same_secret(auth.substr(7), token_)) {
      key = "bearer";
      return Session{};
    }
    const std::string cookies = req.get_header_value("Cookie");
    const std::string name = "electsec_session=";
    for (std::size_t at = cookies.find(name); at != std::string::npos; at = cookies.find(name, at + 1)) {
      if (at != 0 && cookies[at - 1] != ' ' && cookies[at - 1] != ';') continue;
      const std::size_t start = at + name.size();
      const std::string id = cookies.substr(start, cookies.find(';', start) - start);
      std::lock_guard<std::mutex> lock(mutex_);
      const auto it = sessions_.find(id);
      if (it != sessions_.end()) {
        key = "session " + id;
        return it->second;
      }
    }
    return std::nullopt;
  }

  // False when `key` (a session, the bearer token, or an address not signed in) has used up
  // its requests for now. Requests that are not signed in are counted apart, so that they
  // cannot use up a signed-in browser's share.
  bool admit(const std::string& key) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> lock(mutex_);
    if (buckets_.size() > 10000) {  // forget those idle for a minute (full again anyway)
      for (auto it = buckets_.begin(); it != buckets_.end();)
        it = now - it->second.last > std::chrono::minutes(1) ? buckets_.erase(it) : std::next(it);
    }
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{max_rate_, now});
    Bucket& b = it->second;
    if (!fresh) {
      const double seconds = std::chrono::duration<double>(now - b.last).count();
      b.tokens = std::min(max_rate_, b.tokens + seconds * max_rate_);
      b.last = now;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  std::string token_;
  double max_rate_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Session> sessions_;
  std::deque<std::string> order_;
  std::unordered_map<std::string, Bucket> buckets_;
};

// cpp-httplib's server, with room for as many waiting connections as the system allows
// (it asks for 5, and a burst of browsers would be turned away).
class Server : public httplib::Server {
 public:
  void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }
};

void secure(httplib::Response& res, bool report = false) {
  // Pages load only the style sheet; reports downloaded as HTML carry their own styles.
  if (report) res.headers.erase("Content-Security-Policy");
  if (!res.has_header("Content-Security-Policy"))
    res.set_header("Content-Security-Policy",
                   report ? "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
                          : "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                            "base-uri 'none'; frame-ancestors 'none'");
  if (!res.has_header("X-Content-Type-Options")) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-store");
  }
}

void error_page(httplib::Response& res, int status, const std::string& message) {
  const char* title = status == 400   ? "The request cannot be used"
                      : status == 401 ? "Sign in first"
                      : status == 403 ? "Not allowed"
                      : status == 404 ? "Not found"
                      : status == 409 ? "Already there"
                      : status == 413 ? "Too large"
                      : status == 429 ? "Too many requests"
                      : status == 503 ? "Busy"
                                      : "Something went wrong";
  res.headers.erase("Content-Disposition");
  serve::send_html(res, serve::page(title, serve::Section::home, "<p class=\"error\">" + serve::esc(message) + "</p>"),
                   status);
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    options = parse_options(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "electsec-serve: " << e.message << "\n" << usage_text;
    return 2;
  }

  // Signals are taken by one thread, which stops the server; block them before any other
  // thread starts so that every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const Catalog& catalog = default_catalog();
  std::size_t offices = 0;
  try {
    std::ifstream probe(options.store);
    if (!probe && options.create) {
      Store::create(options.store, catalog);
    }
    offices = Store::open(options.store, catalog).offices().size();
  } catch (const Error& e) {
    std::cerr << "electsec-serve: " << printable(e.what())
              << (!options.create && dynamic_cast<const IoError*>(&e) ? "; or pass --create to electsec-serve" : "")
              << "\n";
    return 1;
  }

  serve::App app{catalog, serve::StorePool(options.store, catalog)};
  Guard guard(random_token(), options.max_rate);
  Server server;
  server.set_payload_max_length(64 * 1024);
  // A connection that sends nothing for 3 s is dropped, so idle or slow ones free their worker.
  server.set_read_timeout(3, 0);
  server.set_write_timeout(10, 0);
  // A browser holds a worker while its connection is kept alive: enough workers for many
  // browsers at once, and idle connections let go after a few seconds.
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(3);

  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    secure(res);
    std::string key;
    const std::optional<Session> session = guard.session_of(req, key);
    if (!guard.admit(key)) {
      res.set_header("Retry-After", "1");
      error_page(res, 429, "Too many requests from this browser or program; wait a moment and reload.");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.path == "/static/style.css") return httplib::Server::HandlerResponse::Unhandled;
    if (req.path == "/login" && req.method == "GET") {
      if (!same_secret(serve::query(req, "token"), guard.token())) {
        error_page(res, 401, "That access token is not this server's. Use the address electsec-serve printed.");
        return httplib::Server::HandlerResponse::Handled;
      }
      const auto [id, session] = guard.sign_in();
      res.set_header("Set-Cookie", "electsec_session=" + id + "; Path=/; HttpOnly; SameSite=Strict");
      serve::redirect(res, "/");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!session) {
      error_page(res, 401, "Open the address with the access token that electsec-serve printed when it started.");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  const bool quiet = options.quiet;
  // A message for the browser: one line, and the store named as "the store", not by its path.
  const auto tidy = [&options](const std::string& message) {
    std::string out = printable(message);
    for (std::size_t at = out.find(options.store); !options.store.empty() && at != std::string::npos;
         at = out.find(options.store, at))
      out.replace(at, options.store.size(), "the store");
    return out;
  };
  serve::Router route = [&](const std::string& method, const std::string& pattern, serve::Handler handler) {
    auto wrapped = [&guard, &tidy, handler, method, quiet](const httplib::Request& req, httplib::Response& res) {
      try {
        const std::optional<Session> session = guard.session_of(req);
        if (!session) throw HttpError{401, "Sign in first."};
        if (method == "POST" && !session->csrf.empty()) {
          const auto form = serve::parse_form(req.body);
          const auto it = form.find("csrf");
          if (it == form.end() || !same_secret(it->second, session->csrf))
            throw HttpError{403, "This form is out of date or came from another site. Reload the page and try again."};
        }
        handler(req, res, *session);
        secure(res, res.has_header("Content-Disposition") &&
                        res.get_header_value("Content-Type").rfind("text/html", 0) == 0);
      } catch (const HttpError& e) {
        error_page(res, e.status, e.message);
      } catch (const NotFound& e) {
        error_page(res, 404, tidy(e.what()));
      } catch (const IoError& e) {  // the store busy for too long, or the disk failing: nothing was recorded
        if (!quiet)
          std::cerr << "electsec-serve: " << req.method << ' ' << printable(req.path) << ": " << e.what() << '\n';
        res.set_header("Retry-After", "5");
        error_page(res, 503, tidy(e.what()));
      } catch (const Error& e) {
        error_page(res, 400, tidy(e.what()));
      } catch (const std::exception& e) {
        if (!quiet)
          std::cerr << "electsec-serve: " << req.method << ' ' << printable(req.path) << ": " << e.what() << '\n';
        error_page(res, 500, "The server could not answer this request; the details are in its log.");
      }
    };
    if (method == "GET")
      server.Get(pattern, wrapped);
    else
      server.Post(pattern, wrapped);
  };
  serve::add_county_routes(app, route);
  serve::add_state_routes(app, route);
  serve::add_guide_routes(app, route);
  server.Get("/static/style.css", [](const httplib::Request&, httplib::Response& res) {
    secure(res);
    res.set_header("Cache-Control", "max-age=3600");
    res.set_content(serve::style_css, "text/css; charset=utf-8");
  });
  server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    secure(res);
    error_page(res, res.status,
               res.status == 404   ? "There is no such page."
               : res.status == 413 ? "The form was too large: a note can have at most 800 characters."
                                   : "The request could not be read.");
    return httplib::Server::HandlerResponse::Handled;
  }));
  server.set_exception_handler([quiet](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    if (!quiet) std::cerr << "electsec-serve: " << req.method << ' ' << printable(req.path) << ": failed\n";
    secure(res);
    error_page(res, 500, "The server could not answer this request.");
  });

  if (!is_loopback(options.listen))
    std::cerr << "electsec-serve: warning: listening on " << options.listen
              << ", so other machines can reach this server; the token still guards it, but the traffic is not "
                 "encrypted\n";
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.listen);
    if (port < 0) port = 0;
  } else if (!server.bind_to_port(options.listen, port)) {
    port = 0;
  }
  if (port != 0) server.widen_backlog();
  if (port == 0) {
    std::cerr << "electsec-serve: cannot listen on " << options.listen << " port " << options.port
              << " (in use, or not an address of this machine)\n";
    return 1;
  }
  const std::string host = options.listen.find(':') != std::string::npos ? "[" + options.listen + "]" : options.listen;
  const std::string base = "http://" + host + ":" + std::to_string(port) + "/";
  std::cout << "electsec-serve: serving " << options.store << " (" << offices << (offices == 1 ? " office" : " offices")
            << ") at " << base << "\nelectsec-serve: sign in at " << base << "login?token=" << guard.token()
            << "\nelectsec-serve: Ctrl-C stops it" << std::endl;

  std::thread stopper([&server, signals]() {
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
  });
  server.listen_after_bind();
  if (stopper.joinable()) {
    pthread_kill(stopper.native_handle(), SIGTERM);  // ends the wait when the server stopped on its own
    stopper.join();
  }
  return 0;
}
