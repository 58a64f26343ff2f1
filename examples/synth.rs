//! `cargo run --release --example synth -- --codes N --out DIR`: a complete,
//! valid, deterministic errdoc project of N codes in English and Chinese,
//! for benchmarks (bench/run.sh). Modules hold 300 codes each; titles have
//! 3–8 words, codes 1–3 causes, some texts Markdown lists and inline code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A small deterministic generator (a 64-bit LCG): the same N gives the
/// same project on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "connection",
    "socket",
    "request",
    "timeout",
    "permission",
    "certificate",
    "handshake",
    "buffer",
    "session",
    "device",
    "service",
    "network",
    "address",
    "parameter",
    "resource",
    "channel",
    "stream",
    "protocol",
    "server",
    "client",
    "operation",
    "memory",
    "file",
    "port",
    "interface",
    "token",
    "account",
    "policy",
    "cache",
    "queue",
    "message",
    "frame",
    "route",
];

const ZH: &[&str] = &[
    "连接",
    "套接字",
    "请求",
    "超时",
    "权限",
    "证书",
    "握手",
    "缓冲区",
    "会话",
    "设备",
    "服务",
    "网络",
    "地址",
    "参数",
    "资源",
    "通道",
    "数据流",
    "协议",
    "服务器",
    "客户端",
    "操作",
    "内存",
    "文件",
    "端口",
    "接口",
    "令牌",
    "账号",
    "策略",
    "缓存",
    "队列",
    "消息",
    "帧",
    "路由",
];

const ZH_VERBS: &[&str] = &[
    "失败",
    "无效",
    "已关闭",
    "不可用",
    "被拒绝",
    "已存在",
    "不存在",
    "过大",
    "异常",
];
const EN_VERBS: &[&str] = &[
    "failed",
    "is invalid",
    "was closed",
    "is unavailable",
    "was refused",
    "already exists",
    "does not exist",
    "is too large",
    "is abnormal",
];

fn title_case(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let mut codes = 1000usize;
    let mut out = PathBuf::from("synth");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--codes" => codes = args.next().and_then(|v| v.parse().ok()).unwrap_or(codes),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            _ => {
                eprintln!("usage: synth --codes N --out DIR");
                std::process::exit(2);
            }
        }
    }
    if let Err(e) = write_project(codes, &out) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    println!("synth: {codes} codes in {}", out.display());
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

#[expect(
    clippy::too_many_lines,
    reason = "writes the project's files in the order a reader checks them against each other: catalog, then the texts of each module in both languages"
)]
fn write_project(codes: usize, out: &Path) -> std::io::Result<()> {
    const PER_MODULE: usize = 300;
    let mut rng = Rng(0x5eed_0000 + codes as u64);
    let modules = codes.div_ceil(PER_MODULE);
    let mut catalog = String::from(
        "# A synthetic catalog made by `cargo run --example synth`.\n\nsite:\n  base_url: \"https://errdoc.example.org/\"\n\nmodules:\n",
    );
    write(
        &out.join("locales/en/ui.ftl"),
        include_str!("../locales/en/ui.ftl"),
    )?;
    write(
        &out.join("locales/zh-CN/ui.ftl"),
        include_str!("../locales/zh-CN/ui.ftl"),
    )?;
    for m in 0..modules {
        let base = 3_000_000 + m as u32 * 1000;
        let count = PER_MODULE.min(codes - m * PER_MODULE);
        let id = format!("synth-{m:04}");
        let _ = write!(
            catalog,
            "  - id: {id}\n    page: errorcode-{id}\n    metadata:\n      kit: Synthetic Kit\n      subsystem: Benchmarks\n    owns:\n      - {{ from: {base}, to: {} }}\n    codes:\n",
            base + 999
        );
        let mut en = format!(
            "module-{id} = Synthetic Error Codes {m}\n    .note = Codes made by the benchmark generator.\n\n"
        );
        let mut zh =
            format!("module-{id} = 合成错误码{m}\n    .note = 由基准测试生成器生成的错误码。\n\n");
        for j in 0..count {
            let code = base + 1 + j as u32;
            let n = 3 + rng.below(6);
            let words: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
            let verb = rng.below(EN_VERBS.len());
            let _ = write!(
                catalog,
                "      - code: {code}\n        name: SYNTH_{m:03}_{j:03}\n        message: \"{} {}.\"\n",
                title_case(&words[..1]),
                EN_VERBS[verb]
            );
            if j > 0 && rng.below(4) == 0 {
                let _ = writeln!(catalog, "        related: [{}]", code - 1);
            }
            let zh_title: String =
                (0..n.min(4)).map(|_| rng.pick(ZH)).collect::<String>() + ZH_VERBS[verb];
            let _ = write!(
                en,
                "code-{code} = {}\n    .description = This error code is reported if the {} {} while the `{}()` call runs.\n",
                title_case(&words),
                words[0],
                EN_VERBS[verb],
                words[1]
            );
            let _ = write!(
                zh,
                "code-{code} = {zh_title}\n    .description = 调用`{}()`时{}{}，返回此错误码。\n",
                words[1],
                rng.pick(ZH),
                ZH_VERBS[verb]
            );
            let causes = 1 + rng.below(3);
            for c in 1..=causes {
                let a = rng.pick(WORDS);
                let b = rng.pick(WORDS);
                if rng.below(5) == 0 {
                    let _ = write!(
                        en,
                        "    .cause-{c} =\n        The {a} is not ready:\n\n        - the {b} is busy;\n        - the `{a}` limit is reached.\n"
                    );
                    let _ = write!(
                        zh,
                        "    .cause-{c} =\n        {}未就绪：\n\n        - {}繁忙；\n        - 已达到`{a}`上限。\n",
                        rng.pick(ZH),
                        rng.pick(ZH)
                    );
                } else {
                    let _ = writeln!(
                        en,
                        "    .cause-{c} = The {a} of the {b} was not configured correctly."
                    );
                    let _ = writeln!(
                        zh,
                        "    .cause-{c} = {}的{}配置不正确。",
                        rng.pick(ZH),
                        rng.pick(ZH)
                    );
                }
            }
            let _ = writeln!(
                en,
                "    .solution-1 = Check the {} and call `{}()` again.\n",
                rng.pick(WORDS),
                words[1]
            );
            let _ = writeln!(
                zh,
                "    .solution-1 = 检查{}后重新调用`{}()`。\n",
                rng.pick(ZH),
                words[1]
            );
        }
        write(&out.join(format!("locales/en/{id}.ftl")), &en)?;
        write(&out.join(format!("locales/zh-CN/{id}.ftl")), &zh)?;
        catalog.push('\n');
    }
    write(&out.join("catalog/codes.yaml"), &catalog)
}
