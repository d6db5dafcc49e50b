#pragma once

// A tile server on a loopback port, started by the tests that need one: it
// answers on its own thread, so that a viewer process or the test's own
// event loop may fetch from it. Paths decide the answer:
//   /ok/Z/X/Y.png     a PNG tile of one colour (200)
//   /error/Z/X/Y.png  500 Internal Server Error
//   /text/Z/X/Y.png   200 with a text body, no image
//   /slow/Z/X/Y.png   no answer until the server stops
//   /mixed/Z/X/Y.png  500 when X is odd, a tile otherwise
#include "render/tiledata.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sv::test {

class TileServer {
public:
  TileServer() : m_tile(solidTilePng(QColor(40, 160, 90))) {
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    const int yes = 1;
    ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(m_listener, 16) != 0)
      return;
    socklen_t length = sizeof address;
    ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { serve(); });
  }
  ~TileServer() { stop(); }

  // 0 when the server could not start.
  int port() const { return m_port; }
  std::string url(const std::string& mode) const {
    return "http://127.0.0.1:" + std::to_string(m_port) + "/" + mode + "/{z}/{x}/{y}.png";
  }
  void stop() {
    if (m_stopping.exchange(true)) return;
    ::shutdown(m_listener, SHUT_RDWR);
    ::close(m_listener);
    {
      std::lock_guard lock(m_mutex);
      for (int client : m_waiting) ::shutdown(client, SHUT_RDWR);
    }
    if (m_thread.joinable()) m_thread.join();
    for (std::thread& t : m_clients) t.join();
  }
  struct Request {
    std::string path;
    std::string userAgent;
  };
  std::vector<Request> requests() const {
    std::lock_guard lock(m_mutex);
    return m_requests;
  }

private:
  void serve() {
    while (!m_stopping) {
      const int client = ::accept(m_listener, nullptr, nullptr);
      if (client < 0) break;
      m_clients.emplace_back([this, client] { answer(client); });
    }
  }
  void answer(int client) {
    std::string request;
    char buffer[4096];
    while (request.find("\r\n\r\n") == std::string::npos) {
      const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n <= 0) return void(::close(client));
      request.append(buffer, static_cast<std::size_t>(n));
    }
    const std::size_t space = request.find(' ');
    const std::string path = request.substr(space + 1, request.find(' ', space + 1) - space - 1);
    std::string agent;
    if (const std::size_t at = request.find("User-Agent: "); at != std::string::npos)
      agent = request.substr(at + 12, request.find("\r\n", at) - at - 12);
    {
      std::lock_guard lock(m_mutex);
      m_requests.push_back({path, agent});
    }
    const auto reply = [&](const std::string& status, const std::string& type, const std::string& body) {
      const std::string head = "HTTP/1.1 " + status + "\r\nContent-Type: " + type +
                               "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
      ::send(client, head.data(), head.size(), MSG_NOSIGNAL);
      ::send(client, body.data(), body.size(), MSG_NOSIGNAL);
    };
    const std::string tile(m_tile.constData(), static_cast<std::size_t>(m_tile.size()));
    const std::string mode = path.substr(1, path.find('/', 1) - 1);
    if (mode == "ok") {
      reply("200 OK", "image/png", tile);
    } else if (mode == "error") {
      reply("500 Internal Server Error", "text/plain", "broken\n");
    } else if (mode == "text") {
      reply("200 OK", "text/html", "<html>not a tile</html>\n");
    } else if (mode == "mixed") {
      // /mixed/Z/X/Y.png: the column decides.
      const std::size_t zoom = path.find('/', 1), column = path.find('/', zoom + 1), row = path.find('/', column + 1);
      const int x = std::stoi(path.substr(column + 1, row - column - 1));
      if (x % 2)
        reply("500 Internal Server Error", "text/plain", "broken\n");
      else
        reply("200 OK", "image/png", tile);
    } else if (mode == "slow") {
      {
        std::lock_guard lock(m_mutex);
        m_waiting.push_back(client);
      }
      while (::recv(client, buffer, sizeof buffer, 0) > 0) {} // until the client gives up or the server stops
      std::lock_guard lock(m_mutex);
      std::erase(m_waiting, client);
    } else {
      reply("404 Not Found", "text/plain", "no\n");
    }
    ::close(client);
  }

  QByteArray m_tile;
  int m_listener = -1;
  int m_port = 0;
  std::atomic_bool m_stopping{false};
  std::thread m_thread;
  std::vector<std::thread> m_clients;
  mutable std::mutex m_mutex;
  std::vector<Request> m_requests;
  std::vector<int> m_waiting;
};

} // namespace sv::test
