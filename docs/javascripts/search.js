// Site search: Pagefind's index (written by the briefing plugin into pagefind/) behind
// mkdocs-material's search box. A search loads only the index chunks its words fall in and the
// fragments of the results it shows, never the whole index. Nothing from an article is ever
// inserted as markup: titles and bottom lines are set as text, and an excerpt keeps only the
// <mark> of the matched words.
(() => {
  "use strict";

  const PAGE_SIZE = 10; // results shown at a time; "Show more" adds as many again
  const SHORTCUTS = new Set(["f", "s", "/"]); // the theme's own keys for search

  const toggle = document.getElementById("__search");
  const field = document.querySelector("input[data-briefing-search]");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  const configNode = document.getElementById("__config");
  if (!toggle || !field || !meta || !list || !configNode) return;

  const config = JSON.parse(configNode.textContent);
  const words = config.translations || {};
  const root = new URL(config.base.endsWith("/") ? config.base : `${config.base}/`, document.baseURI); // "..", "/"
  const placeholder = meta.textContent;
  let engine = null; // the Pagefind module, loaded on first use
  let asked = 0; // the number of the latest query: an older answer arriving late is dropped

  function load() {
    if (engine === null) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(async (pagefind) => {
        // result addresses relative to where the site is served, not to the server's root
        await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
        await pagefind.init();
        return pagefind;
      });
    }
    return engine;
  }

  function say(text) {
    meta.textContent = text;
  }

  function counted(count) {
    if (count === 0) return words["search.result.none"] || "No matching documents";
    if (count === 1) return words["search.result.one"] || "1 matching document";
    return (words["search.result.other"] || "# matching documents").replace("#", String(count));
  }

  // The excerpt as nodes: its text, and <mark> around the matched words; any other markup it
  // holds is dropped with its tags (DOMParser's document runs no script and loads nothing).
  function excerptNodes(excerpt) {
    const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html");
    const nodes = [];
    for (const node of parsed.body.firstChild.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        nodes.push(mark);
      } else {
        nodes.push(document.createTextNode(node.textContent));
      }
    }
    return nodes;
  }

  function resultItem(data) {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = new URL(data.url, root).href;
    link.tabIndex = -1;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-search-result__article--document md-typeset";
    const icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    const title = document.createElement("h1");
    title.textContent = data.meta.title || data.url;
    article.append(icon, title);
    if (data.meta.summary) {
      const summary = document.createElement("p");
      summary.textContent = data.meta.summary;
      article.append(summary);
    }
    const excerpt = document.createElement("p");
    excerpt.append(...excerptNodes(data.excerpt || ""));
    article.append(excerpt);
    link.append(article);
    item.append(link);
    return item;
  }

  async function show(results, from, number) {
    // every fragment of the page is asked for at once; each result is listed as soon as it and
    // those above it have come
    const page = results.slice(from, from + PAGE_SIZE).map((result) => result.data());
    list.querySelector(".briefing-search-more")?.remove();
    for (const pending of page) {
      const data = await pending;
      if (number !== asked) return;
      list.append(resultItem(data));
      if (list.childElementCount === 1) say(counted(results.length));
    }
    if (from + PAGE_SIZE < results.length) {
      const more = document.createElement("li");
      more.className = "md-search-result__item briefing-search-more";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = "Show more";
      button.addEventListener("click", () => show(results, from + PAGE_SIZE, number));
      more.append(button);
      list.append(more);
    }
  }

  async function run() {
    const query = field.value.trim();
    const number = ++asked;
    if (!query) {
      say(placeholder);
      list.replaceChildren();
      return;
    }
    if (location.protocol === "file:") {
      say("Search needs the site served, not opened from disk: run `make serve`, or "
        + "`python3 -m http.server` in the site folder. From disk, browse Briefs, Entities and the Timeline.");
      return;
    }
    let found;
    try {
      const pagefind = await load();
      found = await pagefind.search(query);
    } catch (error) {
      engine = null;
      say("Search could not load its index.");
      return;
    }
    if (number !== asked) return;
    list.replaceChildren();
    if (found.results.length === 0) say(counted(0));
    await show(found.results, 0, number); // says the count once the first result is listed
  }

  function open() {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
  }

  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    field.blur();
  }

  function typing(target) {
    return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  toggle.addEventListener("change", () => {
    if (toggle.checked) field.focus();
  });
  field.addEventListener("focus", () => {
    if (!toggle.checked) open();
    // fetch the engine while the reader types (a failure is said on search); from disk the
    // browser would refuse it
    if (location.protocol !== "file:") load().catch(() => {});
  });
  field.addEventListener("input", run);
  field.form.addEventListener("reset", () => setTimeout(run));
  field.form.addEventListener("submit", (event) => {
    event.preventDefault(); // Enter opens the first result
    list.querySelector("a.md-search-result__link")?.click();
  });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (toggle.checked && event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (!toggle.checked && SHORTCUTS.has(event.key) && !typing(event.target)) {
      event.preventDefault();
      open();
    }
  });
})();
