# Sourced by bin/test: the browser test drives Debian's chromium through chromedriver. Installs both when missing
# and this shell may (root with apt-get); otherwise says how, and the browser test will fail with the same advice.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing Debian's chromium and chromium-driver for the browser test (apt-get)"
    if ! apt-get install -y -q --no-install-recommends chromium chromium-driver >/tmp/movierec-apt.log 2>&1; then
      apt-get update -q >>/tmp/movierec-apt.log 2>&1 || true
      apt-get install -y -q --no-install-recommends chromium chromium-driver >>/tmp/movierec-apt.log 2>&1 \
        || echo "warning: apt-get could not install chromium chromium-driver (see /tmp/movierec-apt.log)" >&2
    fi
  else
    echo "warning: /usr/bin/chromium or /usr/bin/chromedriver is missing, so the browser test will fail:" \
      "install them with 'sudo apt-get install chromium chromium-driver'" >&2
  fi
fi
