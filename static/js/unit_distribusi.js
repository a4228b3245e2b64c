// Distribution chart of the unit page: data from the json_script block, labels from the canvas' data attributes.
(function () {
  const canvas = document.getElementById("chart-distribusi");
  const source = document.getElementById("data-distribusi");
  if (!canvas || !source || typeof Chart === "undefined") return;
  const d = JSON.parse(source.textContent);
  const label = canvas.dataset;
  new Chart(canvas, {
    data: {
      labels: d.labels,
      datasets: [
        {type: "bar", label: label.frekuensi, data: d.jumlah, backgroundColor: "rgba(13,110,253,.6)"},
        {type: "line", label: label.minimal, data: d.min, borderColor: "#198754", showLine: false, pointStyle: "triangle", pointRadius: 7},
        {type: "line", label: label.maksimal, data: d.max, borderColor: "#dc3545", showLine: false, pointStyle: "rectRot", pointRadius: 7},
      ],
    },
    options: {scales: {y: {beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: label.frekuensi}}}},
  });
})();
