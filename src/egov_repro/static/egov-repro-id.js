// The Indonesian edition's words for the two extensions that carry no Indonesian and no
// gettext catalogue in their scripts: sphinx-copybutton (its `messages` table, read when
// a code block is copied) and sphinx-togglebutton (the buttons it has already made).
// Loaded after both (egov_repro.site.sphinxext), on the Indonesian edition's pages only.
(() => {
  const words = {
    copy: "Salin",
    copy_to_clipboard: "Salin ke papan klip",
    copy_success: "Tersalin!",
    copy_failure: "Gagal menyalin",
  };
  const english = {
    Copy: words.copy,
    "Copy to clipboard": words.copy_to_clipboard,
    "Copied!": words.copy_success,
    "Toggle hidden content": "Tampilkan atau sembunyikan isi",
  };
  if (typeof messages !== "undefined" && typeof locale !== "undefined") {
    messages.id = words; // eslint-disable-line no-undef
    locale = "id"; // eslint-disable-line no-undef
  }
  const relabel = () => {
    for (const name of ["data-tooltip", "aria-label", "title"]) {
      for (const element of document.querySelectorAll(`[${name}]`)) {
        const value = english[element.getAttribute(name)];
        if (value) element.setAttribute(name, value);
      }
    }
    for (const title of document.querySelectorAll(".copybtn title")) {
      const value = english[title.textContent];
      if (value) title.textContent = value;
    }
  };
  // The copy button swaps in an icon whose title was written in English when its script
  // loaded ("Copied!"): relabel whatever a click puts into a button.
  const watch = () => {
    relabel();
    new MutationObserver((changes) => {
      if (changes.some((change) => change.target.closest?.(".copybtn"))) relabel();
    }).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
