// Makes sure the engines the suite needs are here. On Debian as root it installs
// what is missing with apt-get; elsewhere it says exactly what to install.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, FIREFOX } from './wtr-browsers.mjs';

const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',').map((name) => name.trim());
const packages = {
  chromium: { path: CHROMIUM, debian: ['chromium'] },
  firefox: { path: FIREFOX, debian: ['firefox-esr'] },
  webkit: {
    path: '/usr/bin/WebKitWebDriver',
    debian: ['webkit2gtk-driver', 'xvfb', 'xauth'],
  },
};
const missing = wanted.filter((name) => packages[name] && !existsSync(packages[name].path));
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
    console.error('Or point CHROME_PATH / FIREFOX_PATH at an installed Chromium / Firefox.');
    process.exit(1);
  }
}
