#!/usr/bin/env bash
# Watch a tab survive a killed instance: starts redis-server, two demo instances with
# streamlit.session.store=redis and nginx in front of them (instance A first, B its backup), all on this
# machine. Open the printed address, count a little, then `kill -9` instance A (its pid is printed): the tab
# continues on B with its count. Ctrl-C stops everything.
#
# Needs: redis-server, nginx (Debian: apt-get install redis-server nginx) and the demo jar
# (./mvnw -B -pl demo-app -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=demo-app/target/springlit-demo-app-0.1.0.jar
REDIS_PORT=${REDIS_PORT:-16379}
A_PORT=${A_PORT:-18081}
B_PORT=${B_PORT:-18082}
LB_PORT=${LB_PORT:-18080}
WORK=$(mktemp -d -t springlit-cluster-XXXX)
[ -f "$JAR" ] || { echo "Build the demo first: ./mvnw -B -pl demo-app -am package -DskipTests" >&2; exit 1; }

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; echo "stopped; logs in $WORK"; }
trap cleanup EXIT INT TERM

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$WORK/redis.log" 2>&1 &
pids+=($!)

node() { # name port
  java -jar "$JAR" --server.port="$2" --server.address=127.0.0.1 --server.shutdown=graceful \
    --streamlit.session.store=redis --streamlit.session.node-id="$1" \
    --spring.data.redis.port="$REDIS_PORT" --spring.data.redis.timeout=1s >"$WORK/$1.log" 2>&1 &
  pids+=($!)
  echo "instance $1 on port $2: pid $!"
}
node node-a "$A_PORT"
node node-b "$B_PORT"

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
error_log $WORK/nginx/error.log;
pid $WORK/nginx/nginx.pid;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  upstream springlit {
    server 127.0.0.1:$A_PORT max_fails=1 fail_timeout=1s;
    server 127.0.0.1:$B_PORT max_fails=1 fail_timeout=1s backup;
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://springlit;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$http_host;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 1s;
      proxy_read_timeout 1h;
      proxy_buffering off;
    }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK/nginx" &
pids+=($!)

echo "waiting for both instances..."
for port in "$A_PORT" "$B_PORT"; do
  until curl -sf -o /dev/null "http://127.0.0.1:$port/counter"; do sleep 0.5; done
done
echo "open http://127.0.0.1:$LB_PORT/counter  (logs in $WORK)"
wait
