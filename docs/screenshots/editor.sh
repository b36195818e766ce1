#!/usr/bin/env bash
# Makes the screenshots of docs/editor.md: Neovim under tmux with `bdl lsp`, on
# tests/fixtures/lsp/patrol.bdl, each pane captured with its colours and rendered by terminal.py.
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
LUA

shot() { # NAME: capture the pane and render it
  sleep 1.5
  tmux capture-pane -e -p -t bdl-shot > "$work/$1.txt"
  /usr/bin/python3 docs/screenshots/terminal.py "$work/$1.txt" "docs/screenshots/editor-$1.png"
  echo "docs/screenshots/editor-$1.png"
}
keys() { tmux send-keys -t bdl-shot "$@"; }

start() {
  tmux kill-session -t bdl-shot 2>/dev/null || true
  cp tests/fixtures/lsp/patrol.bdl "$work/budget.bdl"
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
