// The layout extension from npm (cytoscape-fcose), registered with Cytoscape.js before the page starts.
cytoscape.use(cytoscapeFcose);
