/* The association map: progressive enhancement over the list. Without
   JavaScript, Leaflet or tiles the list and filters still work. */
(function () {
  "use strict";
  var element = document.getElementById("association-map");
  if (!element || !window.L || !window.fetch) {
    return;
  }
  element.hidden = false;
  var map = L.map(element, { scrollWheelZoom: false, zoomControl: false }).setView([60.52, 25.05], 9);
  // Zoom buttons labelled in the page's language (Leaflet's are English).
  L.control.zoom({
    zoomInTitle: element.dataset.zoomIn || "+",
    zoomOutTitle: element.dataset.zoomOut || "−"
  }).addTo(map);
  L.tileLayer(element.dataset.tileUrl, {
    attribution: element.dataset.attribution,
    maxZoom: 18,
  }).addTo(map);
  var cluster = L.markerClusterGroup ? L.markerClusterGroup() : L.layerGroup();
  fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      return response.json();
    })
    .then(function (data) {
      L.geoJSON(data, {
        onEachFeature: function (feature, layer) {
          var link = document.createElement("a");
          link.href = feature.properties.url;
          link.textContent = feature.properties.name;
          layer.bindPopup(link);
          layer.options.title = feature.properties.name;
          layer.options.alt = feature.properties.name;
        },
      }).eachLayer(function (layer) {
        cluster.addLayer(layer);
      });
      map.addLayer(cluster);
      if (data.features.length && cluster.getBounds) {
        map.fitBounds(cluster.getBounds(), { maxZoom: 13, padding: [20, 20] });
      }
    })
    .catch(function () {
      element.hidden = true;
    });
})();
