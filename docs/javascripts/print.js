// Print buttons of briefs and print packs. They are rendered hidden and shown here, so a
// reader whose browser runs no JavaScript never meets a button that does nothing.
function showPrintButtons() {
  for (const button of document.querySelectorAll("button[data-print]")) {
    button.hidden = false;
  }
}

// One listener for the whole document: it survives page changes made by instant loading.
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("button[data-print]")) {
    window.print();
  }
});

// mkdocs-material announces every page it shows on document$ (also with instant loading).
if (typeof document$ !== "undefined") {
  document$.subscribe(showPrintButtons);
} else {
  showPrintButtons();
}
