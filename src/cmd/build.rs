//! `errdoc build`: validate, render, and write `site/` (or, with
//! `--check`, say what writing would change; with `--diff`, how pages
//! written by hand differ from errdoc's).

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use crate::cli::BuildArgs;
use crate::cli::Stale;
use crate::cmd::failure;
use crate::diagnostic::{Diagnostic, Diagnostics, Kind, Listed, plural};
use crate::model::StaleMode;
use crate::output::{Output, Plan, SITE_DIR};
use crate::project::RenderOptions;
use crate::run::{Loaded, Policy, Stage, Warnings};

/// Runs `errdoc build`.
pub(crate) fn run(root: &Path, args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    crate::console::timing(|| "start".into());
    let diags = option_problems(args);
    // One build writes at a time, and reads the project only when no
    // other command is writing it (an import half done). `--check` and
    // `--diff` write nothing: they take no lock, so they run beside
    // another command and in a read-only checkout.
    let _lock = if args.check || args.diff {
        None
    } else {
        Some(crate::output::lock(root, "build")?)
    };
    // Read under the lock, before the project.
    let inputs = cache_inputs(root, args, &diags);
    // The last build's record, read once, where the cache is for this
    // build (not `--no-cache`, `--check` or `--diff`, which verify
    // everything): it stands, or it lends the pages whose inputs are the
    // same.
    let cached = inputs
        .as_deref()
        .filter(|_| !args.no_cache)
        .map(|inputs| (inputs, crate::cache::read(root)));
    if let Some((inputs, Some(cache))) = &cached
        && stands(cache, root, inputs, started)
    {
        return Ok(ExitCode::SUCCESS);
    }
    let policy = policy(args);
    let Loaded {
        project,
        look,
        mut diags,
    } = match policy.load(root, diags)? {
        Ok(loaded) => loaded,
        Err(status) => return Ok(status),
    };
    crate::console::timing(|| "loaded and validated".into());
    let options = render_options(args);
    let Some(look) = look else {
        return Ok(failure());
    };
    // With no cache yet, nothing to take, but keys to record.
    let earlier = cached.map(|(_, cache)| cache.map(|c| c.earlier(root)).unwrap_or_default());
    let site = root.join(SITE_DIR);
    // A build writes each file into site/ (staged) as it is made, and
    // keeps only what it needs to list it; `--check` and `--diff` compare.
    let into = if args.check || args.diff {
        Output::new()
    } else {
        // From here on site/ may change: a build killed on the way must
        // leave no record that says site/ is as the last build left it
        // (its staged files would outlive a build that trusted it).
        crate::cache::forget(root);
        Output::staged(&site)?
    };
    let mut output = project.render(&look, &options, earlier.as_ref(), into, &mut diags);
    crate::console::timing(|| "rendered".into());
    if let Err(status) = policy.finish(&diags) {
        return Ok(status);
    }

    if args.diff {
        return Ok(crate::cmd::diff::run(
            &project,
            &output,
            &args.pages,
            args.locale.as_deref(),
        ));
    }

    let plan = Plan::new(&site, &output)?;
    warn_kept(&plan);
    if args.check {
        return Ok(check(&plan, output.len()));
    }

    crate::console::timing(|| "compared".into());
    plan.apply(&site, &mut output)?;
    let stats = project.stats();
    remember(
        root,
        inputs.as_deref(),
        policy.listed(),
        &diags,
        stats,
        &output,
    );
    summary(&stats, &plan, started);
    crate::project::drop_aside((project, look));
    Ok(ExitCode::SUCCESS)
}

/// Records the build in the cache, with the warnings it printed, if its
/// `inputs` could be fingerprinted; otherwise removes any older cache.
fn remember(
    root: &Path,
    inputs: Option<&str>,
    listed: Listed,
    diags: &Diagnostics,
    stats: crate::project::Stats,
    output: &crate::output::Output,
) {
    let Some(inputs) = inputs else {
        return crate::cache::forget(root);
    };
    let found = crate::cache::Hit {
        warnings: crate::cache::Printed {
            plain: diags.render(listed, false),
            coloured: diags.render(listed, true),
            count: diags.warning_count(),
        },
        stats,
    };
    crate::cache::save(root, inputs, &found, output);
}

/// What is wrong with the options (a base URL that is none).
fn option_problems(args: &BuildArgs) -> Diagnostics {
    let mut diags = Diagnostics::new();
    if let Some(url) = &args.base_url
        && !crate::validate::is_base_url(url)
    {
        diags.push(Diagnostic::new(Kind::BadBaseUrlOption {
            url: url.to_string(),
        }));
    }
    diags
}

/// How the options say to render.
fn render_options(args: &BuildArgs) -> RenderOptions {
    RenderOptions {
        base_url: args.base_url.clone(),
        stale: match args.stale {
            Stale::Mark => StaleMode::Mark,
            Stale::Fallback => StaleMode::Fallback,
        },
    }
}

/// `build: 2 locales, 6 pages, 293 codes: 3 files written, …`.
fn summary(stats: &crate::project::Stats, plan: &Plan, started: Instant) {
    status!(
        "build: {} locales, {} pages, {} codes: {} written, {} unchanged, {} removed in {:.2}s",
        stats.locales,
        stats.pages,
        stats.codes,
        plural(plan.create.len() + plan.update.len(), "file", "files"),
        plan.unchanged,
        plan.remove.len(),
        started.elapsed().as_secs_f64()
    );
}

/// The fingerprint of the build's inputs, for the cache; `None` for a
/// build the cache is not for (`--check`, `--diff`, a bad option).
fn cache_inputs(root: &Path, args: &BuildArgs, diags: &Diagnostics) -> Option<String> {
    if args.check || args.diff || !diags.is_empty() {
        return None;
    }
    // `--verbose` changes the warnings printed, which the cache replays.
    let verbose = crate::console::verbose();
    crate::cache::fingerprint(
        root,
        &format!("{:?} {:?} {verbose}", args.base_url, args.stale),
    )
}

/// Whether the last build stands: nothing it read has changed and `site/`
/// is as it left it; then says so.
fn stands(cache: &crate::cache::Cache, root: &Path, inputs: &str, started: Instant) -> bool {
    let Some(hit) = cache.hit(root, inputs) else {
        return false;
    };
    let said = &hit.warnings;
    if said.count > 0 && crate::console::deny_warnings() {
        // They fail the build: a full one says so.
        return false;
    }
    let colour = crate::console::colour(crate::console::Stream::Err);
    crate::console::tell_raw(if colour { &said.coloured } else { &said.plain });
    let stats = hit.stats;
    status!(
        "build: {} locales, {} pages, {} codes: nothing changed since the last build, 0 files written in {:.2}s",
        stats.locales,
        stats.pages,
        stats.codes,
        started.elapsed().as_secs_f64()
    );
    true
}

/// How `build` treats what it finds: `--diff` is about the pages, so the
/// project's warnings are only counted (they are `check`'s to show).
fn policy(args: &BuildArgs) -> Policy {
    Policy {
        warnings: if args.diff {
            Warnings::Count
        } else {
            Warnings::Sum
        },
        unchanged: "; site/ was not changed",
        ..Policy::new("build", Stage::Look)
    }
}

/// Warns of each file of the site that the manifest lists but that is not
/// as errdoc made it: the build leaves it in place.
fn warn_kept(plan: &Plan) {
    for path in &plan.kept {
        tell!(
            "warning: {SITE_DIR}/{} is listed in {SITE_DIR}/{} but is not as errdoc made it (edited since, or listed by hand): left in place — delete it yourself if it should go",
            crate::console::printable(&path.display().to_string()),
            crate::output::MANIFEST
        );
    }
}

/// `build --check`: whether the site, of `files` files, is up to date;
/// if not, what a build would change.
fn check(plan: &Plan, files: usize) -> ExitCode {
    if plan.is_empty() {
        say!("{SITE_DIR}/ is up to date ({files} files)");
        return ExitCode::SUCCESS;
    }
    tell!("error: {SITE_DIR}/ is out of date; a build would change these files:");
    let changes = [
        ("create", &plan.create),
        ("update", &plan.update),
        ("remove", &plan.remove),
    ];
    for (verb, paths) in changes {
        for path in paths {
            tell!("  {verb} {SITE_DIR}/{}", path.display());
        }
    }
    tell!("run `errdoc build` and commit {SITE_DIR}/");
    failure()
}
