# bash completion for fiscgen: subcommands, options, form and letter names, locales, files.
_fiscgen() {
  local cur prev words cword
  _init_completion || return
  local commands="render check new forms recipients locales doctor rules batch cite"
  local command="" i
  for ((i = 1; i < cword; i++)); do
    case "${words[i]}" in
      render|check|new|forms|recipients|locales|doctor|rules|batch|cite) command="${words[i]}"; break ;;
    esac
  done
  case "$prev" in
    --locale)
      COMPREPLY=($(compgen -W "$(fiscgen locales 2>/dev/null)" -- "$cur")); return ;;
    --form)
      COMPREPLY=($(compgen -W "$(fiscgen forms 2>/dev/null | awk '/^  /{print $1}')" -- "$cur")); return ;;
    --data-dir|--templates|--exhibits|-o|--output)
      _filedir -d; [[ "$prev" == -o || "$prev" == --output ]] && _filedir; return ;;
    --data) _filedir csv; return ;;
    --emit) COMPREPLY=($(compgen -W "pdf tree" -- "$cur")); return ;;
  esac
  if [[ -z "$command" ]]; then
    COMPREPLY=($(compgen -W "$commands --data-dir --help --version" -- "$cur")); return
  fi
  case "$command" in
    render) COMPREPLY=($(compgen -W "-o --output --locale --set --emit --data --name --public --draft --watch --detect-citations --exhibits --help" -- "$cur")) ;;
    check) COMPREPLY=($(compgen -W "--locale --set --detect-citations --exhibits --help" -- "$cur")) ;;
    new) COMPREPLY=($(compgen -W "motion letter --form -o --output --force --help" -- "$cur")); return ;;
    cite) COMPREPLY=($(compgen -W "--json --help -" -- "$cur")); return ;;
    forms) COMPREPLY=($(compgen -W "$(fiscgen forms 2>/dev/null | awk '/^  /{print $1}')" -- "$cur")); return ;;
    *) COMPREPLY=($(compgen -W "--help" -- "$cur")) ;;
  esac
  [[ "$cur" != -* ]] && _filedir xml
}
complete -F _fiscgen fiscgen
