"""ImageNet-1k classes that name a COCO category (dog breeds -> dog, cat breeds -> cat, ...), as index
ranges of the standard class list (torchvision's ImageNet category names, which the dataset's
`imagenet_class` column uses). Classes that only resemble a COCO category (wolves, foxes, big cats,
bison, "Madagascar cat" the lemur, "kite" the bird of prey) are deliberately left out."""

# COCO name -> ImageNet class indices (inclusive ranges as (first, last)).
IMAGENET_TO_COCO = {
    'person': [981, 982, 983],  # ballplayer, groom, scuba diver
    'bicycle': [444, 671],  # bicycle-built-for-two, mountain bike
    'car': [436, 468, 511, 609, 627, 656, 661, 751, 817],  # beach wagon, cab, convertible, jeep, limousine, minivan, Model T, racer, sports car
    'motorcycle': [665, 670],  # moped, motor scooter
    'airplane': [404, 895],  # airliner, warplane
    'bus': [654, 779, 874],  # minibus, school bus, trolleybus
    'train': [466, 547, 565, 705, 820],  # bullet train, electric locomotive, freight car, passenger car, steam locomotive
    'truck': [555, 569, 675, 717, 864, 867],  # fire engine, garbage truck, moving van, pickup, tow truck, trailer truck
    'boat': [403, 472, 484, 510, 554, 576, 625, 628, 724, 780, 814, 833, 871, 914],
    'traffic light': [920],
    'parking meter': [704],
    'bench': [703],  # park bench
    'bird': [(7, 24), (80, 100), (127, 146)],
    'cat': [(281, 285)],  # tabby, tiger cat, Persian, Siamese, Egyptian cat
    'dog': [(151, 268)],  # Chihuahua ... Mexican hairless
    'horse': [339],  # sorrel
    'sheep': [348],  # ram
    'cow': [345],  # ox
    'elephant': [101, 385, 386],  # tusker, Indian and African elephant
    'bear': [(294, 297)],
    'zebra': [340],
    'backpack': [414],
    'umbrella': [879],
    'handbag': [748],  # purse
    'tie': [457],  # bow tie
    'skis': [795],
    'sports ball': [430, 522, 574, 722, 768, 805, 852, 890],
    'tennis racket': [752],
    'bottle': [440, 720, 737, 898, 907],
    'cup': [504, 968],  # coffee mug, cup
    'spoon': [910],
    'bowl': [659, 809],
    'banana': [954],
    'apple': [948],  # Granny Smith
    'sandwich': [933],  # cheeseburger (COCO annotates burgers as sandwiches)
    'orange': [950],
    'broccoli': [937],
    'hot dog': [934],
    'pizza': [963],
    'chair': [423, 559, 765, 857],  # barber chair, folding chair, rocking chair, throne
    'couch': [831],  # studio couch
    'potted plant': [738],  # pot (flowerpot)
    'bed': [564],  # four-poster
    'dining table': [532],
    'toilet': [861],  # toilet seat
    'tv': [664, 851],  # monitor, television
    'laptop': [620, 681],  # laptop, notebook computer
    'mouse': [673],
    'remote': [761],
    'keyboard': [508],
    'cell phone': [487],
    'microwave': [651],
    'toaster': [859],
    'sink': [896],  # washbasin
    'refrigerator': [760],
    'clock': [409, 530, 892],
    'vase': [883],
    'teddy bear': [850],
    'hair drier': [589],  # hand blower
}


def name_to_coco():
    """ImageNet class name -> COCO name; names shared by two ImageNet classes (e.g. "crane") are dropped."""
    from torchvision.models import ResNet50_Weights  # the category list ships with torchvision, no download
    names = ResNet50_Weights.IMAGENET1K_V1.meta['categories']
    by_index = {}
    for coco, items in IMAGENET_TO_COCO.items():
        for it in items:
            for i in (range(it[0], it[1] + 1) if isinstance(it, tuple) else [it]):
                by_index[i] = coco
    counts = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    return {names[i]: coco for i, coco in by_index.items() if counts[names[i]] == 1}
