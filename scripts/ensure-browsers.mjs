// Makes sure the engines the suite needs are here (BROWSERS, default: Chromium, Firefox and
// WebKit). On Debian as root it installs what is missing with apt-get; elsewhere it says
// exactly what to install.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, FIREFOX, MINIBROWSER, WEBKIT_DRIVER, XVFB_RUN, browserNames } from './wtr-browsers.mjs';

const packages = {
  chromium: { paths: [CHROMIUM], debian: ['chromium'] },
  firefox: { paths: [FIREFOX], debian: ['firefox-esr'] },
  // WebKitGTK's MiniBrowser (libwebkit2gtk-4.1-0, a dependency of the driver), driven by
  // WebKitWebDriver on a virtual X display (xvfb-run needs xauth).
  webkit: {
    paths: [WEBKIT_DRIVER, MINIBROWSER, XVFB_RUN, '/usr/bin/xauth'],
    debian: ['webkit2gtk-driver', 'xvfb', 'xauth'],
  },
};
const missing = browserNames().filter((name) => packages[name]?.paths.some((path) => !existsSync(path)));
if (missing.length > 0) {
  const debianPackages = missing.flatMap((name) => packages[name].debian);
  const command = `apt-get install -y --no-install-recommends ${debianPackages.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing missing browsers (${missing.join(', ')}): ${command}`);
    execSync('apt-get update -qq', { stdio: 'inherit' });
    execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(`Missing browsers: ${missing.join(', ')}.`);
    console.error(`On Debian or Ubuntu, install them with:\n  sudo ${command}`);
    console.error(
      'Or point CHROME_PATH / FIREFOX_PATH / WEBKIT_DRIVER_PATH and MINIBROWSER_PATH at installed engines,',
    );
    console.error('or choose engines with BROWSERS=chromium,firefox.');
    process.exit(1);
  }
}
