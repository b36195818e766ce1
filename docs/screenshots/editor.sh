#!/usr/bin/env bash
# Makes the screenshots of docs/editor.md: Neovim under tmux with `bdl lsp`, on
# tests/fixtures/lsp/patrol.bdl (diagnostics, hover, completion) and on
# examples/mof-project-self-evaluation-2025.bdl (a quick fix, inlay hints, the outline), each pane
# captured with its colours and rendered by terminal.py.
# Needs neovim, tmux, python3-pil and fonts-wqy-zenhei (Debian packages), and a built bdl:
#   cargo build --release && docs/screenshots/editor.sh [path/to/bdl]
set -euo pipefail
cd "$(dirname "$0")/../.."
bdl=$(realpath "${1:-target/release/bdl}")
work=$(mktemp -d)
trap 'tmux kill-session -t bdl-shot 2>/dev/null || true; rm -rf "$work"' EXIT
cp tests/fixtures/lsp/patrol.bdl "$work/budget.bdl"

cat > "$work/init.lua" <<LUA
vim.opt.termguicolors = true
vim.opt.swapfile = false
vim.opt.number = true
vim.opt.signcolumn = "yes"
vim.opt.completeopt = "menuone,noinsert"
vim.cmd("colorscheme default")
vim.cmd("highlight NormalFloat guibg=#34383f guifg=#e6e6e6")
vim.cmd("highlight Pmenu guibg=#34383f guifg=#e6e6e6")
vim.cmd("highlight PmenuSel guibg=#1f5f8b guifg=#ffffff")
vim.cmd("autocmd BufRead,BufNewFile *.bdl set filetype=bdl")
vim.api.nvim_create_autocmd("FileType", {
  pattern = "bdl",
  callback = function(args)
    vim.bo[args.buf].omnifunc = "v:lua.vim.lsp.omnifunc"
    local id = vim.lsp.start_client({
      name = "bdl",
      cmd = { "$bdl", "lsp" },
      root_dir = "$work",
      init_options = { locale = "zh-CN", diagnosticPages = "https://example.org/bdl/diagnostics/" },
    })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})

-- Inlay hints: Neovim 0.10 draws them itself; before it, the server's answer is drawn as virtual text
-- at the end of each line.
function _G.bdl_hints()
  if vim.lsp.inlay_hint then
    vim.lsp.inlay_hint.enable(true)
    return
  end
  local buf = vim.api.nvim_get_current_buf()
  local ns = vim.api.nvim_create_namespace("bdl-hints")
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(),
    range = { start = { line = 0, character = 0 }, ["end"] = { line = vim.api.nvim_buf_line_count(buf), character = 0 } },
  }
  vim.lsp.buf_request(buf, "textDocument/inlayHint", params, function(_, hints)
    for _, h in ipairs(hints or {}) do
      local label = type(h.label) == "string" and h.label or h.label[1].value
      vim.api.nvim_buf_set_extmark(buf, ns, h.position.line, 0, { virt_text = { { label, "Comment" } } })
    end
  end)
end

-- The outline: the server's document symbols as a tree with their details, in a split (a plugin such
-- as aerial.nvim shows the same answer in a side bar).
function _G.bdl_outline()
  local params = { textDocument = vim.lsp.util.make_text_document_params() }
  vim.lsp.buf_request(0, "textDocument/documentSymbol", params, function(_, symbols)
    local lines = {}
    local function walk(list, depth)
      for _, s in ipairs(list or {}) do
        local detail = s.detail and s.detail ~= "" and ("  " .. s.detail) or ""
        table.insert(lines, string.rep("  ", depth) .. s.name .. detail)
        walk(s.children, depth + 1)
      end
    end
    walk(symbols, 0)
    vim.cmd("topleft 72vnew")
    vim.wo.wrap = false
    vim.api.nvim_buf_set_lines(0, 0, -1, false, lines)
    vim.bo.modified = false
  end)
end
LUA

shot() { # NAME: capture the pane and render it
  sleep 1.5
  tmux capture-pane -e -p -t bdl-shot > "$work/$1.txt"
  /usr/bin/python3 docs/screenshots/terminal.py "$work/$1.txt" "docs/screenshots/editor-$1.png"
  echo "docs/screenshots/editor-$1.png"
}
keys() { tmux send-keys -t bdl-shot "$@"; }

start() { # [FILE]: open FILE (patrol.bdl when none) in a new session
  tmux kill-session -t bdl-shot 2>/dev/null || true
  cp "${1:-tests/fixtures/lsp/patrol.bdl}" "$work/budget.bdl"
  tmux new-session -d -s bdl-shot -x 118 -y 34 -c "$work" \
    "TERM=xterm-256color nvim -u $work/init.lua $work/budget.bdl"
  sleep 2.5
}

# Diagnostics: the file as it opens, with the server's findings beside the lines.
start
shot diagnostics

# Hover on the direction whose declared amount differs from its basis.
keys ':call cursor(23, 14)' Enter
keys ':lua vim.lsp.buf.hover()' Enter
shot hover

# Completion of a category after `indicator ` in a direction.
start
keys ':call cursor(20, 1)' Enter
keys 'O' 'indicator ' C-x C-o
shot completion

# The self-evaluation, with one achieved name misspelt: the quick fix offers the table's nearest name.
evaluation=examples/mof-project-self-evaluation-2025.bdl
sed 's/achieved "路况优良率"/achieved "路况优良"/' "$evaluation" > "$work/misspelt.bdl"
start "$work/misspelt.bdl"
line=$(grep -n 'achieved "路况优良"' "$work/budget.bdl" | cut -d: -f1)
keys ":call cursor($line, 14)" Enter
keys ':lua vim.lsp.buf.code_action()' Enter
shot quick-fix

# Inlay hints: the score after each year-end line.
start "$evaluation"
line=$(grep -n 'execution budget' "$work/budget.bdl" | head -1 | cut -d: -f1)
keys ":call cursor($line, 1)" Enter 'zt'
keys ':lua bdl_hints()' Enter
shot inlay-hints

# The outline: the project with its indicators and its 年终自评 group.
start "$evaluation"
keys ':lua bdl_outline()' Enter
sleep 1
keys 'G'
shot outline
