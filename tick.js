// The rotation's clock. A dedicated worker's timer keeps its pace in a hidden tab, where the
// browser slows the page's own timers (Chrome: to once a minute after five minutes hidden).
// The page posts the period in milliseconds (0 stops); the worker posts the time at each tick.
let timer = null;
onmessage = (e) => {
  clearInterval(timer);
  timer = null;
  const period = Number(e.data);
  if (period > 0) timer = setInterval(() => postMessage(Date.now()), period);
};
