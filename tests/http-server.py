#!/usr/bin/env python3
"""A local HTTP server for dossier's fetch tests (127.0.0.1 only).

usage: http-server.py FIXTURES TMPDIR PORTFILE LOGFILE

Binds a free port, writes it to PORTFILE, and logs one line a request to
LOGFILE: method, path, If-None-Match, If-Modified-Since, Accept-Encoding
and User-Agent. Paths:

  /f/NAME         FIXTURES/NAME with ETag and Last-Modified; 304 when the
                  request's validators match
  /t/NAME         TMPDIR/srv/NAME the same way (tests write these)
  /nov/NAME       FIXTURES/NAME without validators
  /tnov/NAME      TMPDIR/srv/NAME without validators
  /tslow/NAME     TMPDIR/srv/NAME as /t/ does, after a second's wait
  /lm/NAME        FIXTURES/NAME with Last-Modified only
  /gz/NAME        FIXTURES/NAME gzip-encoded (if the client accepts gzip)
  /redirect/NAME  302 to /f/NAME
  /loop           302 to itself
  /to-file        302 to file:///etc/passwd
  /to-ftp         302 to ftp://127.0.0.1:1/feed.xml
  /big            17 MiB of feed, no Content-Length
  /stall          headers and a few bytes, then nothing for 60 s
  /status/N       status N with a short body
  /wait/NAME      FIXTURES/NAME once TMPDIR/srv/go exists (at most 20 s)
  /moved/NAME     301 to /f/NAME; /moved308/NAME 308 to /f/NAME
  /moved-twice/NAME  301 to /redirect/NAME (a temporary one after it)
  /hostile-reason    503 whose reason phrase holds escapes and C1 bytes;
                     FIXTURES/world.xml while TMPDIR/srv/up exists
  /hostile-redirect  302 to an address holding escapes and C1 bytes
  /silent         reads the request, never answers (60 s)
  /drip-slow      headers, then a byte every 1.5 s: under 1 byte/s
  /drip           headers, then 10 bytes every 0.2 s for 60 s: steady
                  but never done
  /huge-header    a 1 MiB header line
  /many-headers   2,000 header lines of 100 bytes (200 KiB in all)
  /not-modified   304 to any request
  /not-http       a line of text, no status line (HTTP/0.9)
  /empty          200 with an empty body
  /busy           429 with Retry-After: 120
  /go301?WHERE    301 to WHERE (percent-decoded): a redirect a test names
  /gzbomb         gzip of 20 MiB of feed (about 20 KiB sent)

Also a second port that never accepts a connection (its queue is kept
full), written to PORTFILE-noaccept, for the connect timeout.
"""
import gzip
import hashlib
import http.server
import os
import socketserver
import sys
import time
import urllib.parse

FIXTURES, TMP, PORTFILE, LOG = sys.argv[1:5]
LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT"
# Sent as Latin-1 in a status line or header: ESC, BEL, BS, raw C1 bytes.
HOSTILE = "Busy\x1b]52;c;SGVsbG8=\x07 \x1b[31mRED\x9b32mC1\x08\xff end"
TYPES = {".xml": "application/xml", ".rss": "application/rss+xml",
         ".atom": "application/atom+xml", ".json": "application/feed+json",
         ".html": "text/html; charset=utf-8", ".opml": "text/x-opml"}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"   # the end of a body is the connection's

    def log_message(self, fmt, *args):
        pass

    def log_request_line(self):
        h = self.headers
        with open(LOG, "a") as f:
            f.write("%s %s inm=%s ims=%s ae=%s ua=%s\n" % (
                self.command, self.path, h.get("If-None-Match", "-"),
                h.get("If-Modified-Since", "-"),
                h.get("Accept-Encoding", "-"), h.get("User-Agent", "-")))

    def send(self, status, body=b"", ctype="text/plain", headers=(),
             reason=None):
        self.send_response(status, reason)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, where, status=302):
        self.send_response(status)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def serve_file(self, base, name, etag=True, lm=True, gz=False):
        name = name.split("?")[0]     # a query (a feed's token) is ignored
        path = os.path.join(base, name)
        if "/" in name or not os.path.isfile(path):
            return self.send(404, b"no such file\n")
        body = open(path, "rb").read()
        ctype = TYPES.get(os.path.splitext(name)[1], "application/octet-stream")
        tag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        headers = []
        if etag:
            headers.append(("ETag", tag))
        if lm:
            headers.append(("Last-Modified", LAST_MODIFIED))
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if (etag and inm == tag) or (not etag and lm and ims == LAST_MODIFIED):
            self.send_response(304)
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            return
        if gz:
            if "gzip" not in self.headers.get("Accept-Encoding", ""):
                return self.send(406, b"gzip only\n")
            body = gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        self.send(200, body, ctype, headers)

    def do_GET(self):
        self.log_request_line()
        p = self.path
        try:
            if p.startswith("/f/"):
                self.serve_file(FIXTURES, p[3:])
            elif p.startswith("/t/"):
                self.serve_file(os.path.join(TMP, "srv"), p[3:])
            elif p.startswith("/tslow/"):
                time.sleep(1)
                self.serve_file(os.path.join(TMP, "srv"), p[7:])
            elif p.startswith("/tnov/"):
                self.serve_file(os.path.join(TMP, "srv"), p[6:], etag=False,
                                lm=False)
            elif p.startswith("/nov/"):
                self.serve_file(FIXTURES, p[5:], etag=False, lm=False)
            elif p.startswith("/lm/"):
                self.serve_file(FIXTURES, p[4:], etag=False)
            elif p.startswith("/gz/"):
                self.serve_file(FIXTURES, p[4:], gz=True)
            elif p.startswith("/redirect/"):
                self.redirect("/f/" + p[10:])
            elif p == "/loop":
                self.redirect("/loop")
            elif p == "/to-file":
                self.redirect("file:///etc/passwd")
            elif p == "/to-ftp":
                self.redirect("ftp://127.0.0.1:1/feed.xml")
            elif p == "/big":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                self.wfile.write(b'<?xml version="1.0"?><rss version="2.0">'
                                 b'<channel><title>Big</title>')
                chunk = b"<item><title>x</title></item>" * 2048
                for _ in range(17 * 1024 * 1024 // len(chunk) + 2):
                    self.wfile.write(chunk)
            elif p == "/stall":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                self.wfile.write(b'<?xml version="1.0"?><rss version="2.0">')
                self.wfile.flush()
                time.sleep(60)
            elif p.startswith("/wait/"):
                go = os.path.join(TMP, "srv", "go")
                for _ in range(400):
                    if os.path.exists(go):
                        break
                    time.sleep(0.05)
                self.serve_file(FIXTURES, p[6:])
            elif p.startswith("/moved/"):
                self.redirect("/f/" + p[7:], 301)
            elif p.startswith("/moved308/"):
                self.redirect("/f/" + p[10:], 308)
            elif p.startswith("/moved-twice/"):
                self.redirect("/redirect/" + p[13:], 301)
            elif p == "/hostile-reason":
                if os.path.exists(os.path.join(TMP, "srv", "up")):
                    return self.serve_file(FIXTURES, "world.xml")
                self.send(503, b"busy\n", reason=HOSTILE)
            elif p == "/hostile-redirect":
                self.redirect("http://127.0.0.1:1/" + HOSTILE)
            elif p == "/silent":
                time.sleep(60)
            elif p in ("/drip-slow", "/drip"):
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                self.wfile.flush()
                for _ in range(300):
                    if p == "/drip-slow":
                        time.sleep(1.5)
                        self.wfile.write(b" ")
                    else:
                        time.sleep(0.2)
                        self.wfile.write(b"          ")
                    self.wfile.flush()
            elif p == "/huge-header":
                self.send(200, b"x", headers=[("X-Huge", "a" * (1 << 20))])
            elif p == "/many-headers":
                self.send(200, b"x", headers=[("X-Many-%d" % i, "a" * 88)
                                              for i in range(2000)])
            elif p == "/not-http":
                self.wfile.write(b"SSH-2.0-OpenSSH_9.2\r\n")
            elif p == "/busy":
                self.send(429, b"slow down\n", headers=[("Retry-After", "120")])
            elif p == "/empty":
                self.send(200, b"", "application/rss+xml")
            elif p == "/not-modified":
                self.send_response(304)
                self.end_headers()
            elif p.startswith("/go301?"):
                self.redirect(urllib.parse.unquote(p[7:]), 301)
            elif p == "/gzbomb":
                if "gzip" not in self.headers.get("Accept-Encoding", ""):
                    return self.send(406, b"gzip only\n")
                body = (b'<?xml version="1.0"?><rss version="2.0"><channel>'
                        b'<title>Bomb</title><description>' +
                        b"a" * (20 * 1024 * 1024) + b"</description>")
                self.send(200, gzip.compress(body), "application/rss+xml",
                          [("Content-Encoding", "gzip")])
            elif p.startswith("/status/"):
                code = int(p[8:])
                self.send(code, b"status %d\n" % code)
            else:
                self.send(404, b"not found\n")
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def never_accepting():
    """A socket whose accept queue is full: connecting to it hangs."""
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(0)
    fill = []
    for _ in range(3):
        c = socket.socket()
        c.setblocking(False)
        try:
            c.connect(s.getsockname())
        except BlockingIOError:
            pass
        fill.append(c)
    return s, fill


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    held = never_accepting()
    with open(PORTFILE + "-noaccept", "w") as f:
        f.write("%d\n" % held[0].getsockname()[1])
    tmp = PORTFILE + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.rename(tmp, PORTFILE)
    srv.serve_forever()


if __name__ == "__main__":
    main()
