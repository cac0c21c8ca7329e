//! The `nginx` step of `cargo xtask test`: docs/deploy.md's three server blocks, read from the
//! doc (it stays their only source), on Debian's nginx. Only what an administrator replaces is
//! replaced: the ports, the certificate, the web root, the API server and portal origins, and
//! `brotli_static` uncommented when the module is there; in the proxy's block also the node
//! pattern, the platform's address, the CA file and the log directory, and the upstream scheme
//! `https` made `http` because the simulator has no TLS (see [`proxy_block`]). Inside Debian's
//! own nginx.conf, as `sites-enabled/huikong`; `nginx -t` must pass without a warning; then the
//! browser suite's `nginx` tests run against it: the simulator behind nginx as the API server,
//! and a second simulator that sends no CORS header behind the same-origin proxy.

use std::path::{Path, PathBuf};

use crate::dist;
use crate::e2e::World;
use crate::install;
use crate::procs::{run, Managed};
use crate::services::{self, Sim};
use crate::util::{cargo, cmd, free_port, heading, root, target_dir, wait_http};

const DOC: &str = "docs/deploy.md";
const CONSOLE_BLOCK: &str = "<!-- tested: the console's server block";
const SIM_BLOCK: &str = "<!-- tested: the simulator's server block";
const PROXY_BLOCK: &str = "<!-- tested: the proxy's server block";
/// config.json's `platform_proxy` for the console behind the proxy, as the doc's block has it.
const PROXY_PATH: &str = "/platform/";
const DEBIAN_CONF: &str = "/etc/nginx/nginx.conf";

/// The free ports of one run.
struct Ports {
    console: u16,
    api: u16,
    portal: u16,
    sim: u16,
    /// The console behind the same-origin proxy.
    proxy: u16,
    /// The simulator that allows no other origin (`--no-cors`), reached through the proxy.
    platform: u16,
}

/// The fenced `nginx` block that follows `marker` in the doc.
fn block(doc: &str, marker: &str) -> Result<String, String> {
    let at = doc
        .find(marker)
        .ok_or_else(|| format!("{DOC} has no `{marker}` marker"))?;
    let fence = "```nginx\n";
    let start = doc[at..]
        .find(fence)
        .map(|i| at + i + fence.len())
        .ok_or_else(|| format!("no ```nginx block after `{marker}` in {DOC}"))?;
    let end = doc[start..]
        .find("\n```")
        .map(|i| start + i + 1)
        .ok_or_else(|| format!("the block after `{marker}` in {DOC} is not closed"))?;
    Ok(doc[start..end].to_string())
}

/// Replaces `from` with `to` everywhere, failing when the doc no longer has `from`: the doc
/// and this test must change together.
fn replace(text: &mut String, from: &str, to: &str) -> Result<(), String> {
    if !text.contains(from) {
        return Err(format!("the block in {DOC} no longer has `{from}`"));
    }
    *text = text.replace(from, to);
    Ok(())
}

/// The certificate's paths and the name of the site, as an administrator replaces them.
fn site_specific(text: &mut String, dir: &Path) -> Result<(), String> {
    let cert = dir.join("cert.pem").display().to_string();
    let key = dir.join("key.pem").display().to_string();
    replace(text, "/etc/ssl/certs/intranet.example.pem", &cert)?;
    replace(text, "/etc/ssl/private/intranet.example.key", &key)?;
    replace(
        text,
        "server_name intranet.example;",
        "server_name 127.0.0.1;",
    )
}

/// `sites-enabled/huikong`: the two blocks, filled in, and the test's own portal server.
fn site_file(doc: &str, dir: &Path, p: &Ports, brotli: bool) -> Result<String, String> {
    let api = format!("https://127.0.0.1:{}", p.api);
    let mut console = block(doc, CONSOLE_BLOCK)?;
    site_specific(&mut console, dir)?;
    replace(
        &mut console,
        "listen 443 ssl",
        &format!("listen 127.0.0.1:{} ssl", p.console),
    )?;
    replace(
        &mut console,
        "root /srv/www;",
        &format!("root {}/www;", dir.display()),
    )?;
    // The console's API server, and the platform without CORS, which the direct mode must
    // reach (and be refused by) for the test of its message.
    replace(
        &mut console,
        "https://api.example https://*.mcu.example",
        &format!("{api} http://127.0.0.1:{}", p.platform),
    )?;
    let portal = format!("http://localhost:{}", p.portal);
    replace(&mut console, "https://portal.example", &portal)?;
    if brotli {
        replace(&mut console, "# brotli_static on;", "brotli_static on;")?;
    }
    let mut sim = block(doc, SIM_BLOCK)?;
    site_specific(&mut sim, dir)?;
    replace(
        &mut sim,
        "listen 8443 ssl",
        &format!("listen 127.0.0.1:{} ssl", p.api),
    )?;
    replace(&mut sim, "127.0.0.1:8098", &format!("127.0.0.1:{}", p.sim))?;
    // The example portal, on plain HTTP: not part of the doc, only the page that frames.
    let portal_server = format!(
        "server {{\n    listen 127.0.0.1:{};\n    root {}/portal;\n}}\n",
        p.portal,
        dir.display()
    );
    let proxy = proxy_block(doc, dir, p, brotli)?;
    Ok(format!("{console}\n{sim}\n{proxy}\n{portal_server}"))
}

/// The proxy's block, as an administrator fills it in, on the test's ports. The simulator
/// speaks plain HTTP: the upstream scheme is the one replacement no administrator makes, in the
/// two `proxy_pass` lines only (`proxy_ssl_*` then verify nothing; `nginx -t` still reads them).
fn proxy_block(doc: &str, dir: &Path, p: &Ports, brotli: bool) -> Result<String, String> {
    let d = dir.display();
    let mut proxy = block(doc, PROXY_BLOCK)?;
    site_specific(&mut proxy, dir)?;
    let platform = format!("127.0.0.1:{}", p.platform);
    for (from, to) in [
        (
            "listen 443 ssl",
            format!("listen 127.0.0.1:{} ssl", p.proxy),
        ),
        ("root /srv/www;", format!("root {d}/www-proxy;")),
        (
            "https://portal.example",
            format!("http://localhost:{}", p.portal),
        ),
        // The platform's node pattern: the one node the simulator names.
        (
            r#""~^[a-z0-9-]+\.mcu\.example(:443)?$""#,
            format!(r#""~^127\.0\.0\.1:{}$""#, p.platform),
        ),
        (
            "proxy_pass https://api.example/",
            format!("proxy_pass http://{platform}/"),
        ),
        (
            "proxy_pass https://$huikong_node",
            "proxy_pass http://$huikong_node".into(),
        ),
        (
            "/etc/ssl/certs/ca-certificates.crt",
            dir.join("cert.pem").display().to_string(),
        ),
        ("/var/log/nginx/", format!("{d}/logs/")),
    ] {
        replace(&mut proxy, from, &to)?;
    }
    if brotli {
        replace(&mut proxy, "# brotli_static on;", "brotli_static on;")?;
    }
    // The proxy's path is config.json's, which this test writes.
    if !proxy.contains(&format!("location {PROXY_PATH} {{")) {
        return Err(format!(
            "the proxy's block in {DOC} is not under {PROXY_PATH}"
        ));
    }
    Ok(proxy)
}

/// Debian's nginx.conf, pointed at the test's directory instead of the system's: its pid, its
/// logs, its temporary files, its one site; in the foreground for the process group.
fn main_conf(dir: &Path) -> Result<String, String> {
    let mut conf = std::fs::read_to_string(DEBIAN_CONF)
        .map_err(|e| format!("cannot read {DEBIAN_CONF}: {e}"))?;
    let d = dir.display();
    replace(
        &mut conf,
        "pid /run/nginx.pid;",
        &format!("pid {d}/nginx.pid;\ndaemon off;"),
    )?;
    conf = conf.replace("/var/log/nginx/", &format!("{d}/logs/"));
    replace(
        &mut conf,
        "include /etc/nginx/sites-enabled/*;",
        &format!(
            "include {d}/sites-enabled/*;\n\tclient_body_temp_path {d}/tmp/body;\n\t\
             proxy_temp_path {d}/tmp/proxy;\n\tfastcgi_temp_path {d}/tmp/fastcgi;\n\t\
             uwsgi_temp_path {d}/tmp/uwsgi;\n\tscgi_temp_path {d}/tmp/scgi;"
        ),
    )?;
    Ok(conf.replace("include /etc/nginx/conf.d/*.conf;", ""))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("writing {}: {e}", path.display()))
}

/// The test's directory: prefix, certificate, web roots with the release build copied under
/// `/tools/huikong/` and its config.json edited as the doc says.
fn prepare(dir: &Path, built: &Path, p: &Ports) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(dir);
    let console = dir.join("www/tools/huikong");
    let proxied = dir.join("www-proxy/tools/huikong");
    for sub in ["logs", "tmp", "sites-enabled", "portal"] {
        std::fs::create_dir_all(dir.join(sub)).map_err(|e| format!("{sub}: {e}"))?;
    }
    std::fs::create_dir_all(console.parent().unwrap_or(dir)).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(proxied.parent().unwrap_or(dir)).map_err(|e| e.to_string())?;
    // Debian's load_module lines are relative to the prefix: modules/….so.
    std::os::unix::fs::symlink("/usr/lib/nginx/modules", dir.join("modules"))
        .map_err(|e| format!("linking the modules: {e}"))?;
    run("cp", cmd("cp").arg("-r").arg(built).arg(&console))?;
    let config = format!(
        "{{\"api_server\": \"https://127.0.0.1:{}\", \"language\": \"en\", \
         \"embed_allowed_origins\": [\"http://localhost:{}\"]}}\n",
        p.api, p.portal
    );
    write(&console.join(dist::CONFIG), &config)?;
    // The same build behind the proxy, with the doc's `platform_proxy`.
    run("cp", cmd("cp").arg("-r").arg(built).arg(&proxied))?;
    let config = format!(
        "{{\"platform_proxy\": \"{PROXY_PATH}\", \"language\": \"en\", \
         \"embed_allowed_origins\": [\"http://localhost:{}\"]}}\n",
        p.portal
    );
    write(&proxied.join(dist::CONFIG), &config)?;
    std::fs::copy(
        root().join("examples/portal.html"),
        dir.join("portal/portal.html"),
    )
    .map_err(|e| format!("copying the portal: {e}"))?;
    crate::cert::self_signed(dir, 2)?;
    // The doc's promise: the list beside dist/ checks the copy, its config.json edited.
    let sums = dist::sums_path(built);
    dist::write_sums(built, &sums)?;
    run(
        "sha256sum -c (the copy against the build)",
        cmd("sha256sum")
            .args(["--quiet", "-c"])
            .arg(&sums)
            .current_dir(&console),
    )
}

/// `nginx -t`: it must pass, and say nothing but that it passed.
fn check_config(conf: &Path, dir: &Path) -> Result<(), String> {
    heading("nginx -t on the doc's blocks");
    let out = cmd("nginx")
        .arg("-t")
        .arg("-p")
        .arg(dir)
        .arg("-c")
        .arg(conf)
        .output()
        .map_err(|e| format!("cannot run nginx: {e}"))?;
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    print!("{said}");
    let complaints: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("[warn]") || l.contains("[emerg]") || l.contains("[alert]"))
        .collect();
    if out.status.success() && complaints.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "nginx -t on the blocks of {DOC}: {}",
            complaints.join("; ")
        ))
    }
}

pub fn step() -> Result<Option<String>, String> {
    let brotli = install::nginx()?;
    let built = dist::test_dist();
    dist::release(&built)?;
    let dir = target_dir().join("nginx-test");
    let p = Ports {
        console: free_port()?,
        api: free_port()?,
        portal: free_port()?,
        sim: free_port()?,
        proxy: free_port()?,
        platform: free_port()?,
    };
    prepare(&dir, &built, &p)?;
    let doc = std::fs::read_to_string(root().join(DOC)).map_err(|e| format!("{DOC}: {e}"))?;
    write(
        &dir.join("sites-enabled/huikong"),
        &site_file(&doc, &dir, &p, brotli)?,
    )?;
    let conf = dir.join("nginx.conf");
    write(&conf, &main_conf(&dir)?)?;
    check_config(&conf, &dir)?;
    serve_and_test(&dir, &conf, &built, &p, brotli)?;
    Ok(None)
}

fn serve_and_test(
    dir: &Path,
    conf: &Path,
    built: &Path,
    p: &Ports,
    brotli: bool,
) -> Result<(), String> {
    let binary = crate::build::sim()?;
    heading("the simulator, and nginx in front of it and of the console");
    let console_origin = format!("https://127.0.0.1:{}", p.console);
    let sim = services::sim(
        &Sim {
            binary: &binary,
            listen: format!("127.0.0.1:{}", p.sim),
            scenario: "demo",
            profile: None,
            dist: built,
            allow_origin: Some(&console_origin),
            extra: &[],
        },
        true,
    )?;
    // The platform that allows no other origin, naming itself as its one conference node; its
    // admin endpoint forces the stream's drop.
    let node = format!("127.0.0.1:{}", p.platform);
    let extra = ["--no-cors", "--node-name", &node, "--admin"].map(String::from);
    let platform = services::sim(
        &Sim {
            binary: &binary,
            listen: node.clone(),
            scenario: "demo",
            profile: None,
            dist: built,
            allow_origin: None,
            extra: &extra,
        },
        true,
    );
    let platform = match platform {
        Ok(s) => s,
        Err(e) => {
            sim.process.stop();
            return Err(e);
        }
    };
    let mut nginx = Managed::spawn("nginx", cmd("nginx").arg("-p").arg(dir).arg("-c").arg(conf))?;
    let portal_addr = format!("127.0.0.1:{}", p.portal);
    let ready = wait_http(
        &mut nginx,
        &portal_addr,
        "/portal.html",
        std::time::Duration::from_secs(20),
    );
    let result = ready.and_then(|()| {
        let world = World::with_dist(built)?;
        let mut test = cargo();
        test.args(["test", "-p", "huikong", "--test", "e2e"]).args([
            "--",
            "--ignored",
            "--test-threads=1",
            "nginx::",
            "nginx_headers::",
            "nginx_proxy::",
        ]);
        world.env(&mut test);
        let vars: [(&str, String); 11] = [
            (
                "HUIKONG_NGINX_PROXY_CONSOLE",
                format!("https://127.0.0.1:{}/tools/huikong/", p.proxy),
            ),
            ("HUIKONG_NGINX_PLATFORM", format!("http://{node}")),
            ("HUIKONG_NGINX_NODE", node.clone()),
            ("HUIKONG_NGINX_LOGS", logs(dir).display().to_string()),
            (
                "HUIKONG_NGINX_CONSOLE",
                format!("{console_origin}/tools/huikong/"),
            ),
            ("HUIKONG_NGINX_API", format!("https://127.0.0.1:{}", p.api)),
            ("HUIKONG_NGINX_SIM", format!("http://127.0.0.1:{}", p.sim)),
            (
                "HUIKONG_NGINX_PORTAL",
                format!("http://localhost:{}/portal.html", p.portal),
            ),
            (
                "HUIKONG_NGINX_FOREIGN_PORTAL",
                format!("http://127.0.0.1:{}/portal.html", p.portal),
            ),
            ("HUIKONG_NGINX_DIST", built.display().to_string()),
            (
                "HUIKONG_NGINX_BROTLI",
                if brotli { "1" } else { "0" }.to_string(),
            ),
        ];
        test.envs(vars.iter().map(|(k, v)| (*k, v.as_str())));
        let result = run("cargo test (nginx)", &mut test);
        world.stop();
        result
    });
    nginx.stop();
    sim.process.stop();
    platform.process.stop();
    result.map_err(|e| format!("{e} (nginx logs: {})", logs(dir).display()))
}

fn logs(dir: &Path) -> PathBuf {
    dir.join("logs")
}
